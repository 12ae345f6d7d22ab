import { DbInstance, type DbInstanceConfig } from "@cdktf/provider-aws/lib/db-instance";
import { DbInstanceAutomatedBackupsReplication } from "@cdktf/provider-aws/lib/db-instance-automated-backups-replication";
import { DbParameterGroup } from "@cdktf/provider-aws/lib/db-parameter-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SecretsmanagerSecretRotation } from "@cdktf/provider-aws/lib/secretsmanager-secret-rotation";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { type DailyWindow, type MasterCredentialsInput, type WeeklyWindow, formatDailyWindow, formatWeeklyWindow } from "@infra/config";
import { markLibrary } from "@infra/core";
import { GeneratedCredentials, Secret, type SecretReplica } from "@infra/kms";
import { LogGroup } from "@infra/monitoring";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { type DbEngine, enginePort, parameterGroupFamily, type StorageType } from "./engine";
import { engineParameters } from "./parameters";
import { RotationFunction } from "./rotation";
import { validateDatabaseProps } from "./validate";
import { ingressFromSecurityGroup } from "@infra/vpc";
import { serviceTrustPolicy } from "@infra/iam";

export type EnhancedMonitoringInterval = 0 | 1 | 5 | 10 | 15 | 30 | 60;

/** Copy automated backups (and their transaction logs, for PITR) to another region. */
export interface BackupReplicationProps {
  /** Region the backups are copied to, e.g. "us-west-2". */
  readonly destinationRegion: string;
  /** CMK in the destination region that encrypts the copies (required for encrypted instances). */
  readonly kmsKeyArn: string;
  /** Days the copies are kept. @default 7 (seed 001 phase 4 "Cross-region snapshot ... 7 days") */
  readonly retentionDays?: number;
}

/**
 * Master credentials of a primary (docs/adr/0011-database-credentials.md).
 * - `rds-managed`: RDS keeps the password in a secret it owns and rotates it (7 days). RDS refuses
 *   read replicas (same- or cross-region) of such a source.
 * - `rotated-secret`: a secret created here holds the credentials; the password is generated at
 *   creation (GeneratedCredentials: write-only, never in plan or state) and rotated by AWS's
 *   rotation function in the database's VPC. Replicas work; services read the same secret.
 */
export type MasterCredentials =
  | { readonly mode: "rds-managed" }
  | {
      readonly mode: "rotated-secret";
      /** Name of the secret, e.g. "timeline/prod/db/master". */
      readonly secretName: string;
      /** Days between rotations, 1..90. */
      readonly rotationDays: number;
      /** Private subnets with a route to the Secrets Manager API (NAT or an interface endpoint) for the rotation function. */
      readonly rotationSubnetIds: readonly string[];
      /** Password generation: raising it sets a new password on the instance and in the secret. @default 1 */
      readonly version?: number;
      /** Days a deleted secret stays recoverable, 7..30. @default 30 */
      readonly recoveryWindowDays?: number;
      /** Replicas of the secret in other regions (DR), each with a CMK of its region. @default none */
      readonly replicas?: readonly SecretReplica[];
    };

/**
 * A primary's credentials from the config input (`rds-managed` | `rotated-secret` with its days):
 * the rotated secret is "<name>/master-credentials", its function in `privateSubnetIds` (NAT), its
 * replicas (`replicaRegions`) encrypted with `replicaKeys[region]`.
 */
export function masterCredentialsOf(
  inputs: { readonly name: string; readonly masterCredentials: MasterCredentialsInput },
  privateSubnetIds: readonly string[],
  replicaKeys: Readonly<Record<string, { readonly keyArn: string }>> = {},
): MasterCredentials {
  const c = inputs.masterCredentials;
  if (c.mode === "rds-managed") return c;
  const replicas = (c.replicaRegions ?? []).map((region) => {
    const key = replicaKeys[region];
    if (!key)
      throw new Error(
        `database ${inputs.name}: masterCredentials.replicaRegions names ${region}, but no data key of ${region} was given (the workload's security/kms there)`,
      );
    return { region, kmsKeyArn: key.keyArn };
  });
  return {
    mode: "rotated-secret",
    secretName: `${inputs.name}/master-credentials`,
    rotationDays: c.rotationDays,
    rotationSubnetIds: privateSubnetIds,
    ...(replicas.length > 0 ? { replicas } : {}),
  };
}

export interface DatabaseInstanceProps {
  /** DB instance identifier, also the prefix of its security group, parameter group, role and log groups. */
  readonly name: string;
  /** @default "postgres" */
  readonly engine?: DbEngine;
  /**
   * The major version: postgres "16", mysql "8.0" (minors are upgraded by AWS: auto_minor_version_upgrade
   * is always on). Also selects the parameter group family. Ignored by replicas (they follow their source).
   */
  readonly engineVersion: string;
  /** e.g. "db.t3.micro", "db.r6g.large"; checked by `validateInstanceClass`. */
  readonly instanceClass: string;
  /** Storage in GB (at least `minimumStorage(engine, storageType)`). Ignored on a cross-region replica (inherited). */
  readonly allocatedStorage: number;
  /** Storage autoscaling ceiling in GB; 0 turns autoscaling off. @default 2 x allocatedStorage */
  readonly maxAllocatedStorage?: number;
  /** @default "gp3" */
  readonly storageType?: StorageType;
  readonly multiAz: boolean;
  /** Days of automated backups and PITR, 1..35. */
  readonly backupRetentionDays: number;
  /** Daily backup window (UTC), at least 30 minutes, not overlapping maintenance. @default chosen by RDS */
  readonly backupWindow?: DailyWindow;
  /** Weekly maintenance window (UTC) of the instance and its replicas. @default chosen by RDS */
  readonly maintenanceWindow?: WeeklyWindow;
  /** RDS deletion protection, Terraform prevent_destroy and keeping automated backups after deletion. */
  readonly deletionProtection: boolean;
  /** Destroy without a final snapshot (an explicit relaxation). @default false: a final snapshot "<name>-final" is taken */
  readonly skipFinalSnapshot?: boolean;
  /** Enhanced Monitoring granularity in seconds; > 0 creates the monitoring role. */
  readonly enhancedMonitoringInterval: EnhancedMonitoringInterval;
  /** @default true where the class supports it (`supportsPerformanceInsights`) */
  readonly performanceInsights?: boolean;
  /** Days of Performance Insights history: 7 (free) or 31..731 in months. @default 7 */
  readonly performanceInsightsRetentionDays?: number;
  /** CMK for storage and Performance Insights. Storage is always encrypted. @default the AWS managed key aws/rds */
  readonly kmsKeyArn?: string;
  /** Reject unencrypted connections (rds.force_ssl / require_secure_transport). */
  readonly forceSsl: boolean;
  /** PostgreSQL log_statement. @default "ddl" */
  readonly logStatement?: "none" | "ddl" | "mod" | "all";
  /** Log statements slower than this many milliseconds. @default 1000 */
  readonly slowQueryMs?: number;
  /** Extra parameter group entries (applied at the next reboot), e.g. { "shared_preload_libraries": "pg_stat_statements" }. @default {} */
  readonly parameters?: Readonly<Record<string, string>>;
  /** VPC of the subnet group. */
  readonly vpcId: string;
  /** DB subnet group over private/database subnets (in this stack's region). */
  readonly subnetGroupName: string;
  /** Security groups allowed to connect on the engine port. More with `allowFrom`. */
  readonly allowedSecurityGroupIds: readonly string[];
  /** Logs exported to CloudWatch. @default postgres: postgresql, upgrade; mysql: error, general, slowquery */
  readonly logExports?: readonly string[];
  /** Retention of the exported logs' log groups. @default 7 (seed 004 "RDS Logs 7 days") */
  readonly logRetentionDays?: number;
  /** CMK for the exported logs' log groups. @default none */
  readonly logKmsKeyArn?: string;
  /** IAM database authentication. @default true */
  readonly iamAuthentication?: boolean;
  /** Server certificate authority. @default "rds-ca-rsa2048-g1" */
  readonly caCertIdentifier?: string;
  /** Master user name. @default "dbadmin" */
  readonly masterUsername?: string;
  /** CMK of the master password secret (RDS-managed or rotated). @default kmsKeyArn for a rotated secret; the AWS managed key aws/secretsmanager for an RDS-managed one */
  readonly masterUserSecretKmsKeyId?: string;
  /** How the master password is kept and rotated (a primary only; replicas inherit it). @default { mode: "rds-managed" } */
  readonly masterCredentials?: MasterCredentials;
  /** Database created with the instance. @default none */
  readonly dbName?: string;
  /** @default 5432 (postgres) / 3306 (mysql) */
  readonly port?: number;
  /** Apply changes now instead of in the maintenance window. @default false */
  readonly applyImmediately?: boolean;
  /**
   * ARN of a source instance: this instance is then a (cross-region) read replica. It inherits the engine,
   * storage size and master user; `kmsKeyArn` (a key in this region) is required.
   * @default none (a primary)
   */
  readonly replicateSourceDb?: string;
  /** Same-region read replicas of this instance (a primary only). @default 0 */
  readonly readReplicas?: number;
  /** Give each same-region read replica its own standby (doubles its cost). @default false */
  readonly replicaMultiAz?: boolean;
  /** Instance class of the read replicas. @default instanceClass */
  readonly replicaInstanceClass?: string;
  /**
   * Backup retention of read replicas, so a promoted replica has PITR at once. 0 turns replica backups off.
   * @default backupRetentionDays
   */
  readonly replicaBackupRetentionDays?: number;
  /** Copy automated backups to another region. @default none */
  readonly backupReplication?: BackupReplicationProps;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An RDS PostgreSQL/MySQL instance in the shape of terraform-aws-modules/rds, secure by default:
 * encrypted storage, TLS-only parameter group, RDS-managed master secret (no password in config or
 * state), its own security group open only to given security groups, IAM auth, exported logs with
 * retention, optional Enhanced Monitoring, Performance Insights, replicas and cross-region backups.
 */
export class DatabaseInstance extends Construct {
  readonly instanceArn: string;
  /** The DB instance identifier (DBInstanceIdentifier in CloudWatch). */
  readonly instanceId: string;
  /** "address:port". */
  readonly endpoint: string;
  readonly address: string;
  readonly port: number;
  readonly engine: DbEngine;
  readonly securityGroupId: string;
  /** The secret with the master credentials (RDS-managed or rotated); undefined on a replica. */
  readonly masterUserSecretArn?: string;
  /** The rotated secret (mode `rotated-secret`), e.g. to grant a service read access. */
  readonly masterSecret?: Secret;
  readonly parameterGroupName: string;
  readonly replicaArns: string[];
  readonly replicaIds: string[];
  readonly replicaAddresses: string[];
  readonly monitoringRoleArn?: string;
  /**
   * What SQL against this instance must wait for on the first apply: the instance and, with a rotated
   * secret, the secret version that holds the connection (host included). Empty on a replica.
   */
  readonly readyForStatements: ITerraformDependable[] = [];
  /** CMK of the master secret (`masterUserSecretKmsKeyId`, or `kmsKeyArn` for a rotated secret); undefined on a replica or with AWS's managed key. */
  readonly masterUserSecretKmsKeyArn?: string;

  private readonly sgId: string;
  /** The engine port the instance listens on (a number at synth, unlike `port`). */
  readonly dbPort: number;
  private readonly vpc: string;
  private readonly identifierName: string;
  private ingressCount = 0;

  constructor(scope: Construct, id: string, props: DatabaseInstanceProps) {
    super(scope, id);
    markLibrary(this, "rds");
    const p = validateDatabaseProps(props);
    const tags = props.tags ?? {};
    const named = (suffix: string) => ({ ...tags, Name: suffix ? `${props.name}-${suffix}` : props.name });
    this.engine = p.engine;
    this.vpc = props.vpcId;
    this.identifierName = props.name;
    this.dbPort = props.port ?? enginePort(p.engine);

    const sg = new SecurityGroup(this, "sg", {
      name: `${props.name}-rds`,
      description: `${p.engine} instance ${props.name}: engine port from allowed security groups only`,
      vpcId: props.vpcId,
      // No egress rules: Terraform removes AWS's default allow-all egress, and the database initiates nothing.
      tags: named("rds"),
    });
    this.sgId = sg.id;
    this.securityGroupId = sg.id;
    for (const source of props.allowedSecurityGroupIds) {
      this.allowFrom(source, `${p.engine} ${this.dbPort} from an allowed application security group`);
    }

    const family = parameterGroupFamily(p.engine, props.engineVersion);
    const parameterGroup = new DbParameterGroup(this, "parameters", {
      // The family is in the name: a major upgrade creates a new group before the old one goes.
      name: `${props.name}-${family.replace(/\./g, "-")}`,
      family,
      description: `${props.name}: TLS ${props.forceSsl ? "required" : "optional"}, statement logging`,
      parameter: engineParameters(p.engine, {
        forceSsl: props.forceSsl,
        logStatement: props.logStatement ?? "ddl",
        slowQueryMs: props.slowQueryMs ?? 1000,
        extra: props.parameters ?? {},
      }),
      tags: named(family),
      lifecycle: { createBeforeDestroy: true },
    });
    this.parameterGroupName = parameterGroup.name;

    let monitoringRoleArn: string | undefined;
    if (props.enhancedMonitoringInterval > 0) {
      const assume = serviceTrustPolicy(this, "monitoring-assume", "monitoring.rds.amazonaws.com");
      const role = new IamRole(this, "monitoring-role", {
        name: `${props.name}-rds-monitoring`,
        assumeRolePolicy: assume.json,
        tags: named("rds-monitoring"),
      });
      new IamRolePolicyAttachment(this, "monitoring-policy", {
        role: role.name,
        policyArn: "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
      });
      monitoringRoleArn = role.arn;
    }
    this.monitoringRoleArn = monitoringRoleArn;

    // Pre-create the log groups RDS exports to, so they get a retention instead of "never expire".
    const logGroupsFor = (identifier: string, key: string) =>
      p.logExports.map(
        (log) =>
          new LogGroup(this, `${key}-log-${log}`, {
            name: `/aws/rds/instance/${identifier}/${log}`,
            retentionDays: props.logRetentionDays ?? 7,
            kmsKeyArn: props.logKmsKeyArn,
            tags: { ...tags, Name: `${identifier}-${log}-logs` },
          }).resource,
      );

    // Settings shared by the primary and its replicas.
    const shared: Partial<DbInstanceConfig> = {
      storageType: p.storageType,
      maxAllocatedStorage: p.maxAllocatedStorage,
      storageEncrypted: true,
      kmsKeyId: props.kmsKeyArn,
      port: this.dbPort,
      vpcSecurityGroupIds: [sg.id],
      parameterGroupName: parameterGroup.name,
      publiclyAccessible: false,
      iamDatabaseAuthenticationEnabled: props.iamAuthentication ?? true,
      caCertIdentifier: props.caCertIdentifier ?? "rds-ca-rsa2048-g1",
      autoMinorVersionUpgrade: true,
      copyTagsToSnapshot: true,
      enabledCloudwatchLogsExports: [...p.logExports],
      monitoringInterval: props.enhancedMonitoringInterval,
      monitoringRoleArn,
      performanceInsightsEnabled: p.performanceInsights,
      performanceInsightsKmsKeyId: p.performanceInsights ? props.kmsKeyArn : undefined,
      performanceInsightsRetentionPeriod: p.performanceInsights ? (props.performanceInsightsRetentionDays ?? 7) : undefined,
      deletionProtection: props.deletionProtection,
      applyImmediately: props.applyImmediately ?? false,
      maintenanceWindow: props.maintenanceWindow ? formatWeeklyWindow(props.maintenanceWindow) : undefined,
      lifecycle: props.deletionProtection ? { preventDestroy: true } : undefined,
    };

    const isReplica = props.replicateSourceDb !== undefined;
    const credentials = props.masterCredentials ?? { mode: "rds-managed" as const };
    const username = props.masterUsername ?? "dbadmin";
    // A rotated secret: the container, and the password generated into it before the instance exists.
    let rotated: { secret: Secret; generated: GeneratedCredentials; days: number; subnetIds: readonly string[]; kmsKeyArn: string } | undefined;
    if (!isReplica && credentials.mode === "rotated-secret") {
      const kmsKeyArn = props.masterUserSecretKmsKeyId ?? props.kmsKeyArn!;
      const secret = new Secret(this, "master-secret", {
        name: credentials.secretName,
        description: `Master credentials of ${props.name} (generated at creation, rotated every ${credentials.rotationDays} days)`,
        kmsKeyArn,
        recoveryWindowInDays: credentials.recoveryWindowDays ?? 30,
        deletionProtection: props.deletionProtection,
        valueFormat: "database credentials (generated by this stack)",
        ...(credentials.replicas ? { replicas: credentials.replicas } : {}),
        tags,
      });
      const generated = new GeneratedCredentials(this, "master-credentials", {
        secret,
        engine: p.engine,
        username,
        port: this.dbPort,
        ...(props.dbName ? { dbname: props.dbName } : {}),
        ...(credentials.version !== undefined ? { version: credentials.version } : {}),
      });
      rotated = { secret, generated, days: credentials.rotationDays, subnetIds: credentials.rotationSubnetIds, kmsKeyArn };
    }
    const instance = new DbInstance(this, "instance", {
      ...shared,
      identifier: props.name,
      instanceClass: props.instanceClass,
      dbSubnetGroupName: props.subnetGroupName,
      multiAz: props.multiAz,
      backupRetentionPeriod: props.backupRetentionDays,
      backupWindow: props.backupWindow ? formatDailyWindow(props.backupWindow) : undefined,
      deleteAutomatedBackups: !props.deletionProtection,
      ...(isReplica
        ? {
            // A replica inherits engine, version, storage size and master user from its source,
            // and RDS takes no final snapshot of a replica.
            replicateSourceDb: props.replicateSourceDb,
            skipFinalSnapshot: true,
          }
        : {
            engine: p.engine,
            engineVersion: props.engineVersion,
            allocatedStorage: props.allocatedStorage,
            dbName: props.dbName,
            username,
            ...(rotated
              ? { passwordWo: rotated.generated.password, passwordWoVersion: rotated.generated.version }
              : { manageMasterUserPassword: true, masterUserSecretKmsKeyId: props.masterUserSecretKmsKeyId }),
            skipFinalSnapshot: p.skipFinalSnapshot,
            finalSnapshotIdentifier: p.skipFinalSnapshot ? undefined : `${props.name}-final`,
          }),
      dependsOn: logGroupsFor(props.name, "primary"),
      tags: named(""),
    });
    this.instanceArn = instance.arn;
    this.instanceId = instance.identifier;
    this.endpoint = instance.endpoint;
    this.address = instance.address;
    this.port = instance.port;
    this.masterUserSecretArn = isReplica ? undefined : rotated ? rotated.secret.secretArn : instance.masterUserSecret.get(0).secretArn;
    this.masterSecret = rotated?.secret;
    this.masterUserSecretKmsKeyArn = isReplica ? undefined : rotated ? rotated.kmsKeyArn : props.masterUserSecretKmsKeyId;
    if (!isReplica) this.readyForStatements.push(instance);
    if (rotated) this.readyForStatements.push(this.rotate(rotated, instance));

    const replicas = Array.from({ length: p.readReplicas }, (_, i) => {
      const identifier = `${props.name}-replica-${i + 1}`;
      return new DbInstance(this, `replica-${i + 1}`, {
        ...shared,
        identifier,
        replicateSourceDb: instance.identifier,
        instanceClass: props.replicaInstanceClass ?? props.instanceClass,
        multiAz: props.replicaMultiAz ?? false,
        backupRetentionPeriod: props.replicaBackupRetentionDays ?? props.backupRetentionDays,
        skipFinalSnapshot: true,
        performanceInsightsEnabled: p.replicaPerformanceInsights,
        performanceInsightsKmsKeyId: p.replicaPerformanceInsights ? props.kmsKeyArn : undefined,
        performanceInsightsRetentionPeriod: p.replicaPerformanceInsights ? (props.performanceInsightsRetentionDays ?? 7) : undefined,
        dependsOn: logGroupsFor(identifier, `replica-${i + 1}`),
        tags: named(`replica-${i + 1}`),
      });
    });
    this.replicaArns = replicas.map((r) => r.arn);
    this.replicaIds = replicas.map((r) => r.identifier);
    this.replicaAddresses = replicas.map((r) => r.address);

    if (props.backupReplication) {
      // Provider 6 resources take a `region`: the replication lives in the destination region without a provider alias.
      new DbInstanceAutomatedBackupsReplication(this, "backup-replication", {
        region: props.backupReplication.destinationRegion,
        sourceDbInstanceArn: instance.arn,
        kmsKeyId: props.backupReplication.kmsKeyArn,
        retentionPeriod: props.backupReplication.retentionDays ?? 7,
      });
    }
  }

  /**
   * The rotated secret's connection version (host), AWS's rotation function next to the database,
   * and the schedule. Secrets Manager tests the function when rotation is configured, so the
   * rotation waits for the value, the function's network path and the instance.
   */
  private rotate(
    rotated: { secret: Secret; generated: GeneratedCredentials; days: number; subnetIds: readonly string[]; kmsKeyArn: string },
    instance: DbInstance,
  ): ITerraformDependable {
    const connection = rotated.generated.withHost(instance.address);
    const fn = new RotationFunction(this, "rotation-function", {
      name: `${this.identifierName}-rotation`,
      engine: this.engine,
      region: instance.region,
      vpcId: this.vpc,
      subnetIds: rotated.subnetIds,
      kmsKeyArn: rotated.kmsKeyArn,
    });
    fn.allowTo(this.sgId, this.dbPort);
    const ingress = this.allowFrom(fn.securityGroupId, "the master password rotation function");
    new SecretsmanagerSecretRotation(this, "master-rotation", {
      secretId: rotated.secret.secretArn,
      rotationLambdaArn: fn.lambdaArn,
      rotateImmediately: false,
      rotationRules: { automaticallyAfterDays: rotated.days },
      dependsOn: [connection, ingress, instance],
    });
    return connection;
  }

  /** Opens the engine port to one more security group. */
  allowFrom(securityGroupId: string, description: string): VpcSecurityGroupIngressRule {
    if (description.trim() === "") throw new Error(`DatabaseInstance.allowFrom: every ingress rule needs a description`);
    return ingressFromSecurityGroup(this, `ingress-${this.ingressCount++}`, {
      securityGroupId: this.sgId,
      sourceSecurityGroupId: securityGroupId,
      port: this.dbPort,
      description,
    });
  }
}
