import { allRules, evaluate, evaluatePreflight, preflightRuleById, type TerraformJson } from "@infra/policy";
import { PolicyStatements, documentStatements } from "@infra/iam";
import { describe, expect, it } from "vitest";
import { RedisReplicationGroup, type RedisReplicationGroupProps, ServerlessCache, type ServerlessCacheProps } from "./index";
import { all, only, synthStack, synthWith } from "@infra/testing-core/stack";

const kmsKeyArn = "arn:aws:kms:us-east-1:111111111111:key/data";
const base: RedisReplicationGroupProps = {
  replicationGroupId: "aerologue-prod-cache",
  nodeType: "cache.r6g.large",
  kmsKeyArn,
  subnetIds: ["subnet-a", "subnet-b"],
  vpcId: "vpc-123",
};

const group = synthWith(RedisReplicationGroup, "cache", base);

describe("RedisReplicationGroup", () => {
  it("makes an encrypted, TLS-only, Multi-AZ group with IAM users, snapshots and slow logs", () => {
    const synth = group({ allowedSecurityGroups: [{ securityGroupId: "sg-lambda", description: "Lambda functions" }] });
    const rg = only(synth, "aws_elasticache_replication_group");
    const sg = only(synth, "aws_security_group");
    const subnets = only(synth, "aws_elasticache_subnet_group");
    const logs = only(synth, "aws_cloudwatch_log_group");
    const userGroup = only(synth, "aws_elasticache_user_group");
    expect(rg.values).toEqual({
      replication_group_id: "aerologue-prod-cache",
      description: "Redis cache aerologue-prod-cache",
      engine: "redis",
      engine_version: "7.1",
      node_type: "cache.r6g.large",
      port: 6379,
      num_cache_clusters: 2,
      automatic_failover_enabled: true,
      multi_az_enabled: true,
      at_rest_encryption_enabled: "true",
      kms_key_id: kmsKeyArn,
      transit_encryption_enabled: true,
      transit_encryption_mode: "required",
      user_group_ids: [`\${${userGroup.address}.user_group_id}`],
      subnet_group_name: `\${${subnets.address}.name}`,
      security_group_ids: [`\${${sg.address}.id}`],
      snapshot_retention_limit: 7,
      snapshot_window: "03:00-04:00",
      maintenance_window: "sun:05:00-sun:06:00",
      final_snapshot_identifier: "aerologue-prod-cache-final",
      auto_minor_version_upgrade: "true",
      apply_immediately: false,
      log_delivery_configuration: [{ destination: `\${${logs.address}.name}`, destination_type: "cloudwatch-logs", log_format: "json", log_type: "slow-log" }],
      tags: { Name: "aerologue-prod-cache" },
      lifecycle: { prevent_destroy: true },
    });
    expect(rg.values.auth_token).toBeUndefined();
    expect(logs.values).toEqual({
      name: "/aws/elasticache/aerologue-prod-cache/slow-log",
      retention_in_days: 30,
      kms_key_id: kmsKeyArn,
      tags: { Name: "aerologue-prod-cache" },
    });
    expect(subnets.values.subnet_ids).toEqual(["subnet-a", "subnet-b"]);
    const rule = Object.values(all(synth, "aws_vpc_security_group_ingress_rule"))[0];
    expect(rule).toMatchObject({
      referenced_security_group_id: "sg-lambda",
      from_port: 6379,
      to_port: 6379,
      ip_protocol: "tcp",
      description: "Lambda functions",
    });
    const report = evaluate(synth as unknown as TerraformJson, { stack: "test", today: "2026-06-01", rules: allRules });
    expect(report.results.filter((r) => r.status === "failed").map((r) => `${r.rule} ${r.address}`)).toEqual([]);
  });

  it("keeps the disabled default user's id within ElastiCache's 40 characters for the longest cache names, unique per name", () => {
    // 33 and 34 characters: "<name>-default" would be 41 and 42 (CreateUser: InvalidParameterValue).
    const ids = ["aerologue-staging-us-east-1-cache", "aerologue-staging-us-east-1-cache2"].map((replicationGroupId) => {
      const synth = group({ replicationGroupId, auth: { mode: "iam", users: [{ userName: "app" }] } });
      const user = Object.values(all(synth, "aws_elasticache_user")).find((u) => u.user_name === "default")!;
      const report = evaluatePreflight([{ name: "cache", json: synth as unknown as TerraformJson }], {
        today: "2026-06-01",
        rules: [preflightRuleById("PRE-NAME-001")!],
      });
      expect(report.flatMap((r) => r.results.filter((x) => x.status === "failed"))).toEqual([]);
      return user.user_id as string;
    });
    expect(ids[0]).toMatch(/^aerologue-staging-us-east-[0-9a-f]{6}-default$/);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(40);
    expect(new Set(ids).size).toBe(2);
    // A name that fits keeps the readable id (no change for existing caches).
    expect(Object.values(all(group(), "aws_elasticache_user")).find((u) => u.user_name === "default")!.user_id).toBe("aerologue-prod-cache-default");
  });

  it("creates IAM users (user id = name), a disabled default user and the group; grants connect per user", () => {
    synthStack((s) => {
      const c = new RedisReplicationGroup(s, "cache", {
        ...base,
        auth: { mode: "iam", users: [{ userName: "aerologue-prod-app" }, { userName: "aerologue-prod-ro", accessString: "on ~* +@read" }] },
      });
      expect(documentStatements((g) => c.grantConnect(g, { userName: "aerologue-prod-ro" }))).toEqual([
        { sid: "ConnectCache", effect: "Allow", actions: ["elasticache:Connect"], resources: [c.replicationGroupArn, expect.stringMatching(/^\$\{TfToken/)] },
      ]);
      // The deprecated return form (kept while parallel branches merge) gives the same statement without a sid.
      expect(c.grantConnect("aerologue-prod-ro")).toEqual([
        { effect: "Allow", actions: ["elasticache:Connect"], resources: [c.replicationGroupArn, expect.stringMatching(/^\$\{TfToken/)] },
      ]);
      expect(() => c.grantConnect(new PolicyStatements(), { userName: "nobody" })).toThrow(
        'no IAM cache user "nobody" (known: aerologue-prod-app, aerologue-prod-ro)',
      );
    });
    const synth = group({ auth: { mode: "iam", users: [{ userName: "aerologue-prod-app" }] } });
    const users = Object.values(all(synth, "aws_elasticache_user"));
    expect(users).toEqual([
      {
        user_id: "aerologue-prod-cache-default",
        user_name: "default",
        engine: "redis",
        access_string: "off -@all",
        authentication_mode: { type: "no-password-required" },
        tags: { Name: "aerologue-prod-cache" },
      },
      {
        user_id: "aerologue-prod-app",
        user_name: "aerologue-prod-app",
        engine: "redis",
        access_string: "on ~* +@all -@dangerous",
        authentication_mode: { type: "iam" },
        tags: { Name: "aerologue-prod-cache" },
      },
    ]);
    const names = Object.keys(all(synth, "aws_elasticache_user"));
    expect(only(synth, "aws_elasticache_user_group").values).toEqual({
      user_group_id: "aerologue-prod-cache",
      engine: "redis",
      user_ids: names.map((n) => `\${aws_elasticache_user.${n}.user_id}`),
      tags: { Name: "aerologue-prod-cache" },
    });
    // No password or token anywhere in the JSON.
    expect(JSON.stringify(synth)).not.toMatch(/"passwords"|"auth_token"/);
  });

  it("reads an AUTH token from Secrets Manager in token mode (never a literal)", () => {
    const synth = group({ auth: { mode: "token", secretArn: "arn:aws:secretsmanager:us-east-1:111111111111:secret:redis" } });
    const dataName = Object.keys(synth.data!["aws_secretsmanager_secret_version"]!)[0];
    expect(synth.data!["aws_secretsmanager_secret_version"]![dataName!]).toEqual({ secret_id: "arn:aws:secretsmanager:us-east-1:111111111111:secret:redis" });
    expect(only(synth, "aws_elasticache_replication_group").values.auth_token).toBe(`\${data.aws_secretsmanager_secret_version.${dataName}.secret_string}`);
    // Provider 6.x needs the strategy with a token: ROTATE keeps the previous token valid beside the new one.
    expect(only(synth, "aws_elasticache_replication_group").values.auth_token_update_strategy).toBe("ROTATE");
    expect(synth.resource["aws_elasticache_user"]).toBeUndefined();
    const set = group({ auth: { mode: "token", secretArn: "arn:aws:secretsmanager:us-east-1:111111111111:secret:redis", updateStrategy: "SET" } });
    expect(only(set, "aws_elasticache_replication_group").values.auth_token_update_strategy).toBe("SET");
  });

  it("covers the seed sizes: one MVP node without failover, cluster mode with the cluster.on group", () => {
    const mvp = only(
      group({ nodeType: "cache.t4g.micro", topology: { mode: "replicas", numCacheClusters: 1 }, deletionProtection: false }),
      "aws_elasticache_replication_group",
    ).values;
    expect(mvp).toMatchObject({
      node_type: "cache.t4g.micro",
      num_cache_clusters: 1,
      automatic_failover_enabled: false,
      multi_az_enabled: false,
      lifecycle: { prevent_destroy: false },
    });
    expect(mvp.final_snapshot_identifier).toBeUndefined();
    const sharded = group({ topology: { mode: "cluster", numNodeGroups: 2, replicasPerNodeGroup: 1 }, engine: "valkey" });
    const rg = only(sharded, "aws_elasticache_replication_group").values;
    expect(rg).toMatchObject({
      engine: "valkey",
      engine_version: "8.0",
      cluster_mode: "enabled",
      num_node_groups: 2,
      replicas_per_node_group: 1,
      parameter_group_name: "default.valkey8.cluster.on",
    });
    expect(rg.num_cache_clusters).toBeUndefined();
    const custom = group({ parameters: { "maxmemory-policy": "allkeys-lru" }, topology: { mode: "cluster", numNodeGroups: 1, replicasPerNodeGroup: 1 } });
    expect(only(custom, "aws_elasticache_parameter_group").values).toMatchObject({
      name: "aerologue-prod-cache-params",
      family: "redis7",
      parameter: [
        { name: "cluster-enabled", value: "yes" },
        { name: "maxmemory-policy", value: "allkeys-lru" },
      ],
    });
  });

  it("rejects impossible layouts and auth", () => {
    expect(() => group({ topology: { mode: "replicas", numCacheClusters: 1 }, automaticFailover: true })).toThrow(
      "test/cache: automaticFailover needs at least one replica (2 nodes per shard)",
    );
    expect(() => group({ engineVersion: "6.2" })).toThrow("IAM authentication needs redis >= 7.0 or valkey >= 7.2 (got redis 6.2)");
    expect(() => group({ auth: { mode: "iam", users: [{ userName: "default" }] } })).toThrow('user "default" is reserved');
    // ElastiCache: windows of at least an hour, snapshot and maintenance apart.
    expect(() => group({ maintenanceWindow: { day: "sun", start: "05:00", durationMinutes: 30 } })).toThrow(
      "maintenance window sun:05:00-sun:05:30 is 30 minutes; the service minimum is 60",
    );
    expect(() => group({ snapshotWindow: { start: "04:30", durationMinutes: 60 } })).toThrow(
      "backup window 04:30-05:30 overlaps maintenance window sun:05:00-sun:06:00",
    );
    expect(() => group({ snapshotRetentionDays: 40, replicationGroupId: "Bad" })).toThrow(
      'replicationGroupId "Bad" must start with a letter and use lowercase letters, digits and single hyphens (max 40); snapshotRetentionDays 40 must be a whole number from 0 to 35',
    );
  });
});

describe("ServerlessCache", () => {
  const sBase: ServerlessCacheProps = { name: "milequest-prod-cache", kmsKeyArn, subnetIds: ["subnet-a", "subnet-b"], vpcId: "vpc-123" };
  const serverless = synthWith(ServerlessCache, "c", sBase);

  it("makes seed 003's serverless cache with limits, CMK, IAM users and both ports open to clients", () => {
    let cache!: ServerlessCache;
    const synth = synthStack((s) => {
      cache = new ServerlessCache(s, "cache", { ...sBase, usageLimits: { maxDataStorageGb: 10, maxEcpuPerSecond: 5000 } });
      cache.allowFrom("sg-lambda", "Lambda functions");
    });
    const c = only(synth, "aws_elasticache_serverless_cache");
    const sg = only(synth, "aws_security_group");
    expect(c.values).toEqual({
      name: "milequest-prod-cache",
      description: "Serverless cache milequest-prod-cache",
      engine: "redis",
      major_engine_version: "7",
      kms_key_id: kmsKeyArn,
      subnet_ids: ["subnet-a", "subnet-b"],
      security_group_ids: [`\${${sg.address}.id}`],
      user_group_id: `\${${only(synth, "aws_elasticache_user_group").address}.user_group_id}`,
      snapshot_retention_limit: 7,
      daily_snapshot_time: "03:00",
      cache_usage_limits: [{ data_storage: [{ unit: "GB", maximum: 10 }], ecpu_per_second: [{ maximum: 5000 }] }],
      tags: { Name: "milequest-prod-cache" },
      lifecycle: { prevent_destroy: true },
    });
    expect(Object.values(all(synth, "aws_vpc_security_group_ingress_rule"))[0]).toMatchObject({ from_port: 6379, to_port: 6380 });
    expect(cache.primaryEndpoint).toMatch(/^\$\{TfToken/);
    expect(cache.port).toBe(6379);
  });

  it("rejects bad limits", () => {
    expect(() => serverless({ usageLimits: { minEcpuPerSecond: 9000, maxEcpuPerSecond: 5000 }, subnetIds: ["a"] })).toThrow(
      "test/c: usageLimits.minEcpuPerSecond 9000 is above maxEcpuPerSecond 5000; subnetIds must list 2 or 3 private subnets (got 1)",
    );
    expect(() => serverless({ dailySnapshotTime: "3:00" })).toThrow('dailySnapshotTime "3:00" must be a UTC time "hh:mm" (24-hour)');
  });
});
