import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version";
import { ElasticacheParameterGroup } from "@cdktf/provider-aws/lib/elasticache-parameter-group";
import { ElasticacheReplicationGroup } from "@cdktf/provider-aws/lib/elasticache-replication-group";
import { ElasticacheSubnetGroup } from "@cdktf/provider-aws/lib/elasticache-subnet-group";
import { type DailyWindow, type WeeklyWindow, formatDailyWindow, formatWeeklyWindow, windowProblems } from "@infra/config";
import { requirePrerequisite } from "@infra/core";
import { declareLogGroupKey } from "@infra/kms";
import { Fn, Token } from "cdktf";
import type { Construct } from "constructs";
import { type CacheCommonProps, CacheConstruct } from "./cache-construct";
import { type CacheAuth, cacheUserGroup, iamUserErrors } from "./auth";
import { DEFAULT_ENGINE_VERSION, parameterGroupFamily, supportsIamAuth } from "./engine";
import { cacheIdError, snapshotRetentionError } from "./validate";

/** @deprecated Grants take a `Grantee` of `@infra/iam` (ADR 0115). */
export type PolicyStatement = DataAwsIamPolicyDocumentStatement;

/**
 * Node layout.
 * - `replicas`: cluster mode disabled, one primary and `numCacheClusters - 1` replicas
 *   (seed 000: 1 node MVP, 2 in prod; seed 001: 1 staging, 2 prod).
 * - `cluster`: cluster mode enabled, sharded.
 */
export type CacheTopology =
  | { readonly mode: "replicas"; readonly numCacheClusters: number }
  | { readonly mode: "cluster"; readonly numNodeGroups: number; readonly replicasPerNodeGroup: number };

export type CacheLogType = "slow-log" | "engine-log";

export interface CacheLogs {
  /** @default ["slow-log"] */
  readonly types?: readonly CacheLogType[];
  /** CloudWatch retention in days. */
  readonly retentionDays: number;
  /** CMK of the log groups (its policy must allow logs.<region>.amazonaws.com). @default the cache's kmsKeyArn */
  readonly kmsKeyArn?: string;
}

export interface RedisReplicationGroupProps extends CacheCommonProps {
  /** Replication group id, e.g. "aerologue-prod-cache" (1-40 lowercase letters, digits, hyphens). */
  readonly replicationGroupId: string;
  /** @default "Redis cache <id>" */
  readonly description?: string;
  /** @default "7.1" for redis, "8.0" for valkey */
  readonly engineVersion?: string;
  /** e.g. "cache.t4g.micro", "cache.t3.medium", "cache.r6g.large". */
  readonly nodeType: string;
  /** @default { mode: "replicas", numCacheClusters: 2 } */
  readonly topology?: CacheTopology;
  /** Automatic failover and Multi-AZ. @default true when there is more than one node per shard */
  readonly automaticFailover?: boolean;
  /** @default { mode: "iam", users: [{ userName: "<id>-app" }] } */
  readonly auth?: CacheAuth;
  /** @default 6379 */
  readonly port?: number;
  /** Daily snapshot window (UTC), at least 60 minutes, not overlapping maintenance. @default 03:00 for 60 minutes */
  readonly snapshotWindow?: DailyWindow;
  /** Weekly maintenance window (UTC), at least 60 minutes. @default Sunday 05:00 for 60 minutes */
  readonly maintenanceWindow?: WeeklyWindow;
  /** Parameters for a custom parameter group (cluster mode adds cluster-enabled=yes). @default the engine's default group */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Log delivery to CloudWatch Logs. @default { types: ["slow-log"], retentionDays: 30 } */
  readonly logs?: CacheLogs;
  /** Apply changes now instead of in the maintenance window. @default false */
  readonly applyImmediately?: boolean;
}

/**
 * An ElastiCache Redis/Valkey replication group: CMK at rest, TLS required in transit, RBAC with
 * IAM users by default, private subnets, its own security group, automatic failover + Multi-AZ
 * with more than one node, snapshots, slow logs to an encrypted, retained log group.
 */
export class RedisReplicationGroup extends CacheConstruct {
  readonly replicationGroupId: string;
  readonly replicationGroupArn: string;
  /** Primary endpoint (cluster mode: the configuration endpoint). */
  readonly primaryEndpoint: string;
  /** Reader endpoint (cluster mode disabled only; undefined otherwise). */
  readonly readerEndpoint?: string;
  readonly port: number;
  readonly securityGroupId: string;
  readonly userGroupId?: string;
  protected readonly userArns: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: RedisReplicationGroupProps) {
    super(scope, id);
    const name = props.replicationGroupId;
    const engine = props.engine ?? "redis";
    const engineVersion = props.engineVersion ?? DEFAULT_ENGINE_VERSION[engine];
    const topology = props.topology ?? { mode: "replicas", numCacheClusters: 2 };
    const nodesPerShard = topology.mode === "replicas" ? topology.numCacheClusters : topology.replicasPerNodeGroup + 1;
    const failover = props.automaticFailover ?? nodesPerShard > 1;
    const port = props.port ?? 6379;
    const snapshotRetentionDays = props.snapshotRetentionDays ?? 7;
    const deletionProtection = props.deletionProtection ?? true;
    const auth = props.auth ?? { mode: "iam", users: [{ userName: `${name}-app` }] };
    const logs = props.logs ?? { retentionDays: 30 };
    const snapshotWindow = props.snapshotWindow ?? { start: "03:00", durationMinutes: 60 };
    const maintenanceWindow = props.maintenanceWindow ?? { day: "sun", start: "05:00", durationMinutes: 60 };

    // ElastiCache: windows of at least 60 minutes, snapshot and maintenance apart.
    const errors: string[] = windowProblems({ backup: snapshotWindow, maintenance: maintenanceWindow }, 60);
    const idError = cacheIdError("replicationGroupId", name);
    if (idError) errors.push(idError);
    if (topology.mode === "replicas" && (!Number.isInteger(topology.numCacheClusters) || topology.numCacheClusters < 1 || topology.numCacheClusters > 6)) {
      errors.push(`numCacheClusters ${topology.numCacheClusters} must be a whole number from 1 to 6`);
    }
    if (topology.mode === "cluster") {
      if (!Number.isInteger(topology.numNodeGroups) || topology.numNodeGroups < 1 || topology.numNodeGroups > 500)
        errors.push(`numNodeGroups ${topology.numNodeGroups} must be from 1 to 500`);
      if (!Number.isInteger(topology.replicasPerNodeGroup) || topology.replicasPerNodeGroup < 0 || topology.replicasPerNodeGroup > 5) {
        errors.push(`replicasPerNodeGroup ${topology.replicasPerNodeGroup} must be from 0 to 5`);
      }
    }
    if (failover && nodesPerShard < 2) errors.push("automaticFailover needs at least one replica (2 nodes per shard)");
    if (topology.mode === "cluster" && !failover) errors.push("cluster mode requires automaticFailover");
    const retentionError = snapshotRetentionError(snapshotRetentionDays);
    if (retentionError) errors.push(retentionError);
    if (props.subnetIds.length === 0) errors.push("subnetIds must list at least one private subnet");
    if (auth.mode === "iam") {
      errors.push(...iamUserErrors(auth.users));
      if (!supportsIamAuth(engine, engineVersion)) errors.push(`IAM authentication needs redis >= 7.0 or valkey >= 7.2 (got ${engine} ${engineVersion})`);
    }
    if (errors.length > 0) throw new Error(`${this.node.path}: ${errors.join("; ")}`);

    const tags = { ...(props.tags ?? {}), Name: name };

    this.securityGroupId = this.openSecurityGroup({
      name: `${name}-cache`,
      description: `ElastiCache ${name}: ${engine} from allowed security groups only`,
      vpcId: props.vpcId,
      port,
      tags: { ...props.tags },
      allowed: props.allowedSecurityGroups,
    });

    const subnetGroup = new ElasticacheSubnetGroup(this, "subnet-group", {
      name: `${name}-subnets`,
      description: `Private subnets of ${name}`,
      subnetIds: [...props.subnetIds],
      tags,
    });

    let parameterGroupName: string | undefined;
    if (props.parameters && Object.keys(props.parameters).length > 0) {
      const merged: Record<string, string> = { ...props.parameters, ...(topology.mode === "cluster" ? { "cluster-enabled": "yes" } : {}) };
      const group = new ElasticacheParameterGroup(this, "parameters", {
        name: `${name}-params`,
        family: parameterGroupFamily(engine, engineVersion),
        description: `Parameters of ${name}`,
        parameter: Object.keys(merged)
          .sort()
          .map((k) => ({ name: k, value: merged[k]! })),
        tags,
        lifecycle: { createBeforeDestroy: true },
      });
      parameterGroupName = group.name;
    } else if (topology.mode === "cluster") {
      parameterGroupName = `default.${parameterGroupFamily(engine, engineVersion)}.cluster.on`;
    }

    const logGroups = (logs.types ?? ["slow-log"]).map((type) => {
      const group = new CloudwatchLogGroup(this, `log-${type}`, {
        name: `/aws/elasticache/${name}/${type}`,
        retentionInDays: logs.retentionDays,
        kmsKeyId: logs.kmsKeyArn ?? props.kmsKeyArn,
        tags,
      });
      declareLogGroupKey(group, logs.kmsKeyArn ?? props.kmsKeyArn);
      return { destination: group.name, destinationType: "cloudwatch-logs", logFormat: "json", logType: type };
    });

    let authConfig: { userGroupIds?: string[]; authToken?: string; authTokenUpdateStrategy?: string } = {};
    let userArns: Record<string, string> = {};
    if (auth.mode !== "token") {
      const users = cacheUserGroup(this, name, auth, tags);
      authConfig = { userGroupIds: [users.userGroupId] };
      this.userGroupId = users.userGroupId;
      userArns = { ...users.userArns };
    } else {
      // auth_token takes the token itself: a plan-time read, so the secret's value is a declared prerequisite.
      const secretName = auth.secretName ?? auth.secretArn;
      if (Token.isUnresolved(secretName))
        throw new Error(`${this.node.path}: auth.secretName is required when auth.secretArn is a token (it names the prerequisite)`);
      requirePrerequisite(this, {
        requirement: {
          kind: "secret-value",
          secret: secretName,
          format: auth.secretJsonKey ? `JSON {"${auth.secretJsonKey}"}` : "the AUTH token (16-128 printable characters)",
        },
        neededAt: "plan",
        reason: "the replication group's auth_token is read from the secret at plan time",
      });
      const secret = new DataAwsSecretsmanagerSecretVersion(this, "auth-token", { secretId: auth.secretArn });
      authConfig = {
        authToken: auth.secretJsonKey ? Fn.lookup(Fn.jsondecode(secret.secretString), auth.secretJsonKey) : secret.secretString,
        authTokenUpdateStrategy: auth.updateStrategy ?? "ROTATE",
      };
    }
    this.userArns = userArns;

    const group = new ElasticacheReplicationGroup(this, "replication-group", {
      replicationGroupId: name,
      description: props.description ?? `Redis cache ${name}`,
      engine,
      engineVersion,
      nodeType: props.nodeType,
      port,
      ...(topology.mode === "replicas"
        ? { numCacheClusters: topology.numCacheClusters }
        : { clusterMode: "enabled", numNodeGroups: topology.numNodeGroups, replicasPerNodeGroup: topology.replicasPerNodeGroup }),
      automaticFailoverEnabled: failover,
      multiAzEnabled: failover,
      atRestEncryptionEnabled: "true",
      kmsKeyId: props.kmsKeyArn,
      transitEncryptionEnabled: true,
      transitEncryptionMode: "required",
      ...authConfig,
      subnetGroupName: subnetGroup.name,
      securityGroupIds: [this.securityGroupId],
      parameterGroupName,
      snapshotRetentionLimit: snapshotRetentionDays,
      snapshotWindow: formatDailyWindow(snapshotWindow),
      maintenanceWindow: formatWeeklyWindow(maintenanceWindow),
      finalSnapshotIdentifier: deletionProtection ? `${name}-final` : undefined,
      autoMinorVersionUpgrade: "true",
      applyImmediately: props.applyImmediately ?? false,
      logDeliveryConfiguration: logGroups,
      tags,
      lifecycle: { preventDestroy: deletionProtection },
    });
    this.replicationGroupId = group.id;
    this.replicationGroupArn = group.arn;
    this.primaryEndpoint = topology.mode === "replicas" ? group.primaryEndpointAddress : group.configurationEndpointAddress;
    this.readerEndpoint = topology.mode === "replicas" ? group.readerEndpointAddress : undefined;
    this.port = port;
  }

  protected connectArn(): string {
    return this.replicationGroupArn;
  }
}
