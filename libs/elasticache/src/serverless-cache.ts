import { ElasticacheServerlessCache } from "@cdktf/provider-aws/lib/elasticache-serverless-cache";
import { type TimeOfDay, parseTimeOfDay } from "@infra/config";
import type { Construct } from "constructs";
import { type CacheCommonProps, CacheConstruct } from "./cache-construct";
import { type CacheAuth, cacheUserGroup, iamUserErrors } from "./auth";
import { cacheIdError, snapshotRetentionError } from "./validate";

/** Caps on what the cache may scale to (cost guard rails). */
export interface ServerlessUsageLimits {
  /** Maximum stored data in GB, 1..5000. @default no limit */
  readonly maxDataStorageGb?: number;
  /** Minimum stored data in GB (pre-provisioned). @default none */
  readonly minDataStorageGb?: number;
  /** Maximum ElastiCache Processing Units per second, 1000..15000000. @default no limit */
  readonly maxEcpuPerSecond?: number;
  /** Minimum ECPU/s (pre-provisioned). @default none */
  readonly minEcpuPerSecond?: number;
}

/** Serverless caches are always TLS-only in transit and listen on 6379 and the 6380 reader port (seed 003: Redis). */
export interface ServerlessCacheProps extends CacheCommonProps {
  /** Cache name, e.g. "milequest-prod-cache". */
  readonly name: string;
  /** @default "Serverless cache <name>" */
  readonly description?: string;
  /** Major engine version. @default "7" for redis, "8" for valkey */
  readonly majorEngineVersion?: string;
  /** @default no limits */
  readonly usageLimits?: ServerlessUsageLimits;
  /** UTC "hh:mm" of the daily snapshot. @default "03:00" */
  readonly dailySnapshotTime?: TimeOfDay;
  /** @default { mode: "iam", users: [{ userName: "<name>-app" }] } ("token" is not available on serverless) */
  readonly auth?: Exclude<CacheAuth, { mode: "token" }>;
}

/** An ElastiCache Serverless cache (seed 003 Mile Quest): CMK, private subnets, own SG, IAM auth, limits. */
export class ServerlessCache extends CacheConstruct {
  readonly cacheName: string;
  readonly cacheArn: string;
  readonly primaryEndpoint: string;
  readonly readerEndpoint: string;
  readonly port: number;
  readonly securityGroupId: string;
  readonly userGroupId: string;
  protected readonly userArns: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: ServerlessCacheProps) {
    super(scope, id);
    const name = props.name;
    const engine = props.engine ?? "redis";
    const snapshotRetentionDays = props.snapshotRetentionDays ?? 7;
    const deletionProtection = props.deletionProtection ?? true;
    const auth = props.auth ?? { mode: "iam", users: [{ userName: `${name}-app` }] };
    const limits = props.usageLimits ?? {};

    const errors: string[] = [];
    if (props.dailySnapshotTime !== undefined && parseTimeOfDay(props.dailySnapshotTime) === undefined) {
      errors.push(`dailySnapshotTime "${props.dailySnapshotTime}" must be a UTC time "hh:mm" (24-hour)`);
    }
    for (const error of [cacheIdError("name", name), snapshotRetentionError(snapshotRetentionDays)]) if (error) errors.push(error);
    const range = (label: string, min: number | undefined, max: number | undefined, lo: number, hi: number) => {
      for (const [k, v] of [
        [`min${label}`, min],
        [`max${label}`, max],
      ] as const) {
        if (v !== undefined && (!Number.isInteger(v) || v < lo || v > hi)) errors.push(`usageLimits.${k} ${v} must be a whole number from ${lo} to ${hi}`);
      }
      if (min !== undefined && max !== undefined && min > max) errors.push(`usageLimits.min${label} ${min} is above max${label} ${max}`);
    };
    range("DataStorageGb", limits.minDataStorageGb, limits.maxDataStorageGb, 1, 5000);
    range("EcpuPerSecond", limits.minEcpuPerSecond, limits.maxEcpuPerSecond, 1000, 15_000_000);
    if (props.subnetIds.length < 2 || props.subnetIds.length > 3) errors.push(`subnetIds must list 2 or 3 private subnets (got ${props.subnetIds.length})`);
    if (auth.mode === "iam") errors.push(...iamUserErrors(auth.users));
    if (errors.length > 0) throw new Error(`${this.node.path}: ${errors.join("; ")}`);

    const tags = { ...(props.tags ?? {}), Name: name };
    this.securityGroupId = this.openSecurityGroup({
      name: `${name}-cache`,
      description: `ElastiCache Serverless ${name}: ${engine} from allowed security groups only`,
      vpcId: props.vpcId,
      // 6379 primary; serverless also serves reads on 6380: both are opened per client.
      port: 6379,
      toPort: 6380,
      tags: { ...props.tags },
      allowed: props.allowedSecurityGroups,
    });

    const users = cacheUserGroup(this, name, auth, tags);
    this.userGroupId = users.userGroupId;
    this.userArns = users.userArns;

    const hasStorage = limits.maxDataStorageGb !== undefined || limits.minDataStorageGb !== undefined;
    const hasEcpu = limits.maxEcpuPerSecond !== undefined || limits.minEcpuPerSecond !== undefined;
    const cache = new ElasticacheServerlessCache(this, "cache", {
      name,
      description: props.description ?? `Serverless cache ${name}`,
      engine,
      majorEngineVersion: props.majorEngineVersion ?? (engine === "redis" ? "7" : "8"),
      kmsKeyId: props.kmsKeyArn,
      subnetIds: [...props.subnetIds],
      securityGroupIds: [this.securityGroupId],
      userGroupId: this.userGroupId,
      snapshotRetentionLimit: snapshotRetentionDays,
      dailySnapshotTime: props.dailySnapshotTime ?? "03:00",
      cacheUsageLimits:
        hasStorage || hasEcpu
          ? [
              {
                dataStorage: hasStorage ? [{ unit: "GB", maximum: limits.maxDataStorageGb, minimum: limits.minDataStorageGb }] : undefined,
                ecpuPerSecond: hasEcpu ? [{ maximum: limits.maxEcpuPerSecond, minimum: limits.minEcpuPerSecond }] : undefined,
              },
            ]
          : undefined,
      tags,
      lifecycle: { preventDestroy: deletionProtection },
    });
    this.cacheName = cache.name;
    this.cacheArn = cache.arn;
    this.primaryEndpoint = cache.endpoint.get(0).address;
    this.readerEndpoint = cache.readerEndpoint.get(0).address;
    this.port = 6379;
  }

  protected connectArn(): string {
    return this.cacheArn;
  }
}
