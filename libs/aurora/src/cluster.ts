import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { RdsCluster, type RdsClusterConfig } from "@cdktf/provider-aws/lib/rds-cluster";
import { RdsClusterInstance } from "@cdktf/provider-aws/lib/rds-cluster-instance";
import { RdsClusterParameterGroup } from "@cdktf/provider-aws/lib/rds-cluster-parameter-group";
import { SecretsmanagerSecretRotation } from "@cdktf/provider-aws/lib/secretsmanager-secret-rotation";
import { type DailyWindow, type WeeklyWindow, formatDailyWindow, formatWeeklyWindow, windowProblems } from "@infra/config";
import { markLibrary } from "@infra/core";
import { declareLogGroupKey } from "@infra/kms";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { type ServerlessV2Scaling, validateServerlessCapacity } from "./capacity";
import { clusterParameters } from "./parameters";
import { type AllowedSecurityGroup, DataSecurityGroup } from "@infra/vpc";

/**
 * Master credentials.
 * - `rds-managed` (default): RDS generates the password and keeps it in a Secrets Manager secret
 *   encrypted with the cluster's CMK; nothing reaches code or state. RDS rotates it every 7 days
 *   unless `rotationDays` sets the managed secret's schedule (an aws_secretsmanager_secret_rotation
 *   without a Lambda: the supported way to change a managed rotation schedule; seed 000 asks 90).
 * - `secret`: the password is read from an existing Secrets Manager secret at plan time (it lands in
 *   the encrypted state, never in code). Needed for a global database primary: RDS-managed master
 *   passwords are not supported for clusters in an Aurora global database. Rotation of that secret
 *   belongs to its owner; later password changes are ignored here (ignore_changes).
 */
export type MasterCredentials =
  | { readonly mode: "rds-managed"; /** @default "postgres" */ readonly username?: string; /** 1..365; @default RDS default (7) */ readonly rotationDays?: number }
  | {
      readonly mode: "secret";
      /** @default "postgres" */
      readonly username?: string;
      readonly passwordSecretArn: string;
      /** JSON key holding the password when the secret is a JSON document. @default the whole secret string */
      readonly passwordJsonKey?: string;
    };

/**
 * Membership of an Aurora global database (seed 000 ARC-012, seed 003 DR). A `secondary` has no
 * master credentials and no database name: it replicates the primary's.
 */
export type GlobalMembership =
  | { readonly role: "primary"; readonly globalClusterIdentifier: string }
  | { readonly role: "secondary"; readonly globalClusterIdentifier: string; /** Region of the primary. */ readonly sourceRegion: string };

export interface AuroraPostgresClusterProps {
  /** Cluster identifier, e.g. "aerologue-prod-aurora". Instances are "<id>-1", "<id>-2", ... */
  readonly clusterIdentifier: string;
  /** aurora-postgresql engine version, e.g. "15.8". The parameter group family follows its major. */
  /**
   * aurora-postgresql version at creation, e.g. "16.6" (Aurora needs the minor to create a
   * cluster). Later minors come from AWS; Terraform ignores drift of `engine_version`, so an
   * upgrade is a deliberate runbook step, not a config edit (docs/adr/0005-engine-versions-and-windows.md).
   */
  readonly engineVersion: string;
  /** Serverless v2 capacity range. */
  readonly scaling: ServerlessV2Scaling;
  /** Number of db.serverless instances: one writer plus readers. @default 2 */
  readonly instances?: number;
  /** AZs the instances are spread over, round robin. */
  readonly availabilityZones: readonly string[];
  /** DB subnet group over private/isolated subnets. */
  readonly dbSubnetGroupName: string;
  readonly vpcId: string;
  /** Security groups allowed to connect on the port. More with allowFrom(). @default none */
  readonly allowedSecurityGroups?: readonly AllowedSecurityGroup[];
  /** CMK for storage, Performance Insights, the master secret and (by default) the log group. */
  readonly kmsKeyArn: string;
  /** Initial database. @default none */
  readonly databaseName?: string;
  /** @default { mode: "rds-managed" } */
  readonly masterCredentials?: MasterCredentials;
  /** @default 5432 */
  readonly port?: number;
  /** Days of automated backups, 1..35 (seed 000 ARC-013: 7). @default 7 */
  readonly backupRetentionDays?: number;
  /** Daily backup window (UTC); must not overlap the maintenance window. @default 03:00 for 60 minutes */
  readonly preferredBackupWindow?: DailyWindow;
  /** Weekly maintenance window (UTC) of the cluster and its instances. @default Sunday 04:30 for 60 minutes */
  readonly preferredMaintenanceWindow?: WeeklyWindow;
  /** deletion_protection and lifecycle.prevent_destroy. @default true */
  readonly deletionProtection?: boolean;
  /** Snapshot taken when the cluster is deleted. @default "<clusterIdentifier>-final" */
  readonly finalSnapshotIdentifier?: string;
  /** Extra or overriding cluster parameters. Defaults: rds.force_ssl=1, TLS 1.2+, DDL and slow (>1 s) statement logging. @default {} */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Enhanced monitoring interval in seconds (0 = off). @default 60 */
  readonly monitoringInterval?: 0 | 1 | 5 | 10 | 15 | 30 | 60;
  /** Performance Insights retention: 7 (free) or 31..731 days. @default 7 */
  readonly performanceInsightsRetentionDays?: number;
  /** Retention of the /aws/rds/cluster/<id>/postgresql log group. @default 30 */
  readonly logRetentionDays?: number;
  /** CMK of that log group (its key policy must allow logs.<region>.amazonaws.com). @default kmsKeyArn */
  readonly logKmsKeyArn?: string;
  /** CA of the server certificate. @default "rds-ca-rsa2048-g1" */
  readonly caCertIdentifier?: string;
  /** Global database membership. @default a standalone cluster */
  readonly global?: GlobalMembership;
  /** Extra tags. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

const ENGINE = "aurora-postgresql";
const DEFAULT_BACKUP_WINDOW: DailyWindow = { start: "03:00", durationMinutes: 60 };
const DEFAULT_MAINTENANCE_WINDOW: WeeklyWindow = { day: "sun", start: "04:30", durationMinutes: 60 };

/**
 * An Aurora PostgreSQL Serverless v2 cluster: encrypted with a CMK, IAM auth, TLS forced by the
 * cluster parameter group, CloudWatch log export to a retained, encrypted log group, Performance
 * Insights and enhanced monitoring, its own security group, instances spread over AZs, deletion
 * protection with a final snapshot, RDS-managed master secret; optionally in a global database.
 */
export class AuroraPostgresCluster extends Construct {
  readonly clusterArn: string;
  readonly clusterIdentifier: string;
  readonly clusterResourceId: string;
  readonly endpoint: string;
  readonly readerEndpoint: string;
  readonly port: number;
  readonly securityGroupId: string;
  /** ARN of the RDS-managed master secret (undefined for `secret` credentials and secondaries). */
  readonly masterUserSecretArn?: string;
  readonly instanceIdentifiers: readonly string[];
  private readonly securityGroup: DataSecurityGroup;

  constructor(scope: Construct, id: string, props: AuroraPostgresClusterProps) {
    super(scope, id);
    markLibrary(this, "aurora");
    const name = props.clusterIdentifier;
    const instances = props.instances ?? 2;
    const port = props.port ?? 5432;
    const backupRetentionDays = props.backupRetentionDays ?? 7;
    const deletionProtection = props.deletionProtection ?? true;
    const monitoringInterval = props.monitoringInterval ?? 60;
    const piRetention = props.performanceInsightsRetentionDays ?? 7;
    const logRetentionDays = props.logRetentionDays ?? 30;
    const secondary = props.global?.role === "secondary";
    const credentials = props.masterCredentials ?? { mode: "rds-managed" };
    const major = props.engineVersion.split(".")[0];
    const backupWindow = props.preferredBackupWindow ?? DEFAULT_BACKUP_WINDOW;
    const maintenanceWindow = props.preferredMaintenanceWindow ?? DEFAULT_MAINTENANCE_WINDOW;

    const errors = validateServerlessCapacity(props.scaling.minCapacity, props.scaling.maxCapacity, props.scaling.secondsUntilAutoPause);
    errors.push(...windowProblems({ backup: backupWindow, maintenance: maintenanceWindow }, 30));
    if (!/^[a-z][a-z0-9-]{0,62}$/.test(name) || name.endsWith("-") || name.includes("--")) {
      errors.push(`clusterIdentifier "${name}" must start with a letter and use lowercase letters, digits and single hyphens (max 63)`);
    }
    if (!/^\d+\.\d+$/.test(props.engineVersion)) errors.push(`engineVersion "${props.engineVersion}" must be an aurora-postgresql version with its minor, like "15.8"`);
    if (!Number.isInteger(instances) || instances < 1 || instances > 16) errors.push(`instances ${instances} must be a whole number from 1 to 16`);
    if (props.availabilityZones.length === 0) errors.push("availabilityZones must list at least one AZ");
    if (!Number.isInteger(backupRetentionDays) || backupRetentionDays < 1 || backupRetentionDays > 35) {
      errors.push(`backupRetentionDays ${backupRetentionDays} must be a whole number from 1 to 35`);
    }
    if (piRetention !== 7 && !(Number.isInteger(piRetention) && piRetention >= 31 && piRetention <= 731)) {
      errors.push(`performanceInsightsRetentionDays ${piRetention} must be 7 or 31..731`);
    }
    if (credentials.mode === "rds-managed" && credentials.rotationDays !== undefined) {
      const d = credentials.rotationDays;
      if (!Number.isInteger(d) || d < 1 || d > 365) errors.push(`masterCredentials.rotationDays ${d} must be a whole number from 1 to 365`);
    }
    if (props.global && credentials.mode === "rds-managed" && !secondary) {
      errors.push('a global database primary cannot use RDS-managed master passwords: use masterCredentials { mode: "secret" }');
    }
    if (secondary && (props.masterCredentials || props.databaseName)) errors.push("a global secondary takes no masterCredentials or databaseName (it replicates the primary)");
    if (errors.length > 0) throw new Error(`${this.node.path}: ${errors.join("; ")}`);

    const tags = { ...(props.tags ?? {}), Name: name };

    this.securityGroup = new DataSecurityGroup(this, "security-group", {
      name: `${name}-aurora`,
      description: `Aurora PostgreSQL ${name}: PostgreSQL from allowed security groups only`,
      vpcId: props.vpcId,
      port,
      tags: props.tags ? { ...props.tags } : {},
    });
    this.securityGroupId = this.securityGroup.securityGroupId;
    for (const allowed of props.allowedSecurityGroups ?? []) this.allowFrom(allowed.securityGroupId, allowed.description);

    const parameterGroup = new RdsClusterParameterGroup(this, "parameters", {
      name: `${name}-cluster`,
      family: `${ENGINE}${major}`,
      description: `Cluster parameters of ${name}: TLS only, statement logging`,
      parameter: clusterParameters(props.parameters ?? {}),
      tags,
      lifecycle: { createBeforeDestroy: true },
    });

    // RDS would create this group itself with no retention and no CMK; own it instead.
    const logGroup = new CloudwatchLogGroup(this, "postgresql-logs", {
      name: `/aws/rds/cluster/${name}/postgresql`,
      retentionInDays: logRetentionDays,
      kmsKeyId: props.logKmsKeyArn ?? props.kmsKeyArn,
      tags,
    });
    declareLogGroupKey(logGroup, props.logKmsKeyArn ?? props.kmsKeyArn);

    const credentialConfig: Partial<RdsClusterConfig> = secondary ? {} : this.credentials(credentials, props.kmsKeyArn);
    const cluster = new RdsCluster(this, "cluster", {
      clusterIdentifier: name,
      engine: ENGINE,
      engineMode: "provisioned",
      engineVersion: props.engineVersion,
      databaseName: props.databaseName,
      ...credentialConfig,
      port,
      dbSubnetGroupName: props.dbSubnetGroupName,
      vpcSecurityGroupIds: [this.securityGroupId],
      dbClusterParameterGroupName: parameterGroup.name,
      storageEncrypted: true,
      kmsKeyId: props.kmsKeyArn,
      iamDatabaseAuthenticationEnabled: true,
      copyTagsToSnapshot: true,
      enabledCloudwatchLogsExports: ["postgresql"],
      backupRetentionPeriod: backupRetentionDays,
      preferredBackupWindow: formatDailyWindow(backupWindow),
      preferredMaintenanceWindow: formatWeeklyWindow(maintenanceWindow),
      deletionProtection,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: props.finalSnapshotIdentifier ?? `${name}-final`,
      serverlessv2ScalingConfiguration: {
        minCapacity: props.scaling.minCapacity,
        maxCapacity: props.scaling.maxCapacity,
        secondsUntilAutoPause: props.scaling.secondsUntilAutoPause,
      },
      globalClusterIdentifier: props.global?.globalClusterIdentifier,
      sourceRegion: props.global?.role === "secondary" ? props.global.sourceRegion : undefined,
      tags,
      dependsOn: [logGroup],
      lifecycle: {
        preventDestroy: deletionProtection,
        ignoreChanges: [
          // The version at creation: AWS upgrades minors (auto_minor_version_upgrade on every
          // instance), and a config minor behind the running one would be a refused downgrade
          // (docs/adr/0005-engine-versions-and-windows.md).
          "engine_version",
          // A secondary's replication source is managed by the global cluster; a password read
          // from a secret is rotated by its owner.
          ...(secondary ? ["replication_source_identifier"] : []),
          ...(credentials.mode === "secret" && !secondary ? ["master_password"] : []),
        ],
      },
    });
    this.clusterArn = cluster.arn;
    this.clusterIdentifier = cluster.clusterIdentifier;
    this.clusterResourceId = cluster.clusterResourceId;
    this.endpoint = cluster.endpoint;
    this.readerEndpoint = cluster.readerEndpoint;
    this.port = port;

    if (!secondary && credentials.mode === "rds-managed") {
      this.masterUserSecretArn = cluster.masterUserSecret.get(0).secretArn;
      if (credentials.rotationDays !== undefined) {
        // No Lambda: RDS rotates its managed secret; this only sets the schedule.
        new SecretsmanagerSecretRotation(this, "master-secret-rotation", {
          secretId: this.masterUserSecretArn,
          rotateImmediately: false,
          rotationRules: { automaticallyAfterDays: credentials.rotationDays },
        });
      }
    }

    const monitoringRole = monitoringInterval > 0 ? this.monitoringRole(name, tags) : undefined;
    const identifiers: string[] = [];
    for (let i = 0; i < instances; i++) {
      const instance = new RdsClusterInstance(this, `instance-${i + 1}`, {
        identifier: `${name}-${i + 1}`,
        clusterIdentifier: cluster.id,
        engine: ENGINE,
        engineVersion: cluster.engineVersion,
        instanceClass: "db.serverless",
        availabilityZone: props.availabilityZones[i % props.availabilityZones.length],
        dbSubnetGroupName: props.dbSubnetGroupName,
        publiclyAccessible: false,
        autoMinorVersionUpgrade: true,
        caCertIdentifier: props.caCertIdentifier ?? "rds-ca-rsa2048-g1",
        copyTagsToSnapshot: true,
        // Tiers 0-1 scale with the writer, so the failover target is always warm.
        promotionTier: i === 0 ? 0 : 1,
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: props.kmsKeyArn,
        performanceInsightsRetentionPeriod: piRetention,
        monitoringInterval,
        monitoringRoleArn: monitoringRole,
        preferredMaintenanceWindow: formatWeeklyWindow(maintenanceWindow),
        tags: { ...tags, Name: `${name}-${i + 1}` },
      });
      identifiers.push(instance.identifier);
    }
    this.instanceIdentifiers = identifiers;
  }

  /** Let clients in another security group connect on the cluster port. */
  allowFrom(securityGroupId: string, description: string): void {
    this.securityGroup.allowFrom(securityGroupId, description);
  }

  /** IAM statement for `rds-db:connect` as a database user (IAM database authentication). */
  grantConnect(dbUser: string, region: string, accountId: string) {
    return [
      {
        effect: "Allow",
        actions: ["rds-db:connect"],
        resources: [`arn:aws:rds-db:${region}:${accountId}:dbuser:${this.clusterResourceId}/${dbUser}`],
      },
    ];
  }

  private credentials(credentials: MasterCredentials, kmsKeyArn: string): Partial<RdsClusterConfig> {
    const masterUsername = credentials.username ?? "postgres";
    if (credentials.mode === "rds-managed") return { masterUsername, manageMasterUserPassword: true, masterUserSecretKmsKeyId: kmsKeyArn };
    const version = new DataAwsSecretsmanagerSecretVersion(this, "master-password", { secretId: credentials.passwordSecretArn });
    const masterPassword = credentials.passwordJsonKey
      ? Fn.lookup(Fn.jsondecode(version.secretString), credentials.passwordJsonKey)
      : version.secretString;
    return { masterUsername, masterPassword };
  }

  private monitoringRole(name: string, tags: Record<string, string>): string {
    const assume = new DataAwsIamPolicyDocument(this, "monitoring-assume", {
      statement: [{ effect: "Allow", actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["monitoring.rds.amazonaws.com"] }] }],
    });
    const role = new IamRole(this, "monitoring-role", { name: `${name}-rds-monitoring`, assumeRolePolicy: assume.json, tags });
    new IamRolePolicyAttachment(this, "monitoring-policy", {
      role: role.name,
      policyArn: "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
    });
    return role.arn;
  }
}
