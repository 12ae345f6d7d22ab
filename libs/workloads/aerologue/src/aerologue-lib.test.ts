import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { Testing, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { onProvider } from "./builders/common";
import { aerologueConfig, auroraInputs, functionSpec } from "./inputs";

const VALID = {
  domain: "aerologue.app",
  logLevel: "warn",
  apiRateLimitPerMinute: 1000,
  adsbProvider: "real",
  enableAnalytics: true,
  featureFlags: { crossing_detection: true, greeting_feature: true, vlog_native_upload: false, admin_manual_checkin: false },
  apiThrottle: { rateLimit: 1000, burstLimit: 2000 },
  corsOrigins: ["https://aerologue.app"],
  callbackUrls: ["https://aerologue.app/cb"],
  logoutUrls: ["https://aerologue.app/"],
  adminIpCidrs: [],
  alarmEmails: [],
  logRetentionDays: 30,
  xraySamplingRate: 0.05,
  standbyNat: false,
  artifacts: { bucket: "artifacts", functionKeys: {}, layerKeys: {} },
};

describe("aerologue input schemas", () => {
  const fn = {
    purpose: "x",
    runtime: "nodejs24.x",
    handler: "index.handler",
    memoryMb: 512,
    timeoutSeconds: 30,
    layers: [],
    access: { tables: [], buckets: [], timestream: "none", aurora: false, cache: false, secrets: [], sendToBroadcastQueue: false },
  };
  it("accepts 10 s, 1 h and daily schedules; refuses sub-minute intervals that do not divide 60 and odd seconds", () => {
    for (const everySeconds of [10, 3600, 86400]) expect(functionSpec.safeParse({ ...fn, trigger: { type: "schedule", everySeconds } }).success).toBe(true);
    expect(functionSpec.safeParse({ ...fn, trigger: { type: "schedule", everySeconds: 7 } }).error?.issues[0]?.message).toContain("must divide 60");
    expect(functionSpec.safeParse({ ...fn, trigger: { type: "schedule", everySeconds: 90 } }).error?.issues[0]?.message).toContain("whole minutes");
  });

  it("Aurora: PostgreSQL 15 only; auto-pause needs a reason and is refused in a global database", () => {
    const base = {
      clusterIdentifier: "aerologue-dev-us-east-1-aurora",
      engineVersion: "15.10",
      databaseName: "aerologue",
      minCapacity: 0.5,
      maxCapacity: 16,
      instances: 2,
      backupRetentionDays: 7,
      credentialRotationDays: 90,
      deletionProtection: true,
      logRetentionDays: 30,
      role: "standalone",
      globalClusterIdentifier: "aerologue-dev-aurora-global",
      primaryRegion: "us-east-1",
      extensions: ["postgis", "pg_trgm"],
    };
    expect(auroraInputs.safeParse(base).success).toBe(true);
    // Extension names are written into SQL (ADR 0125): identifiers only, at least one, none twice.
    expect(auroraInputs.safeParse({ ...base, extensions: ["postgis;drop"] }).error?.issues[0]?.message).toContain("it is written into SQL");
    expect(auroraInputs.safeParse({ ...base, extensions: ["PostGIS"] }).success).toBe(false);
    expect(auroraInputs.safeParse({ ...base, extensions: [] }).success).toBe(false);
    expect(auroraInputs.safeParse({ ...base, extensions: ["postgis", "postgis"] }).error?.issues[0]?.message).toBe("names an extension twice");
    expect(auroraInputs.safeParse({ ...base, engineVersion: "16.4" }).error?.issues[0]?.message).toContain("PostgreSQL 15");
    expect(auroraInputs.safeParse({ ...base, minCapacity: 0 }).error?.issues[0]?.message).toContain("pauseReason");
    expect(
      auroraInputs.safeParse({ ...base, minCapacity: 0, secondsUntilAutoPause: 300, pauseReason: "idle dev cluster", role: "global-primary" }).error?.issues[0]
        ?.message,
    ).toContain("cannot auto-pause");
  });

  it("global regions: known, not the primary, not twice", () => {
    const messages = (globalRegions: string[]) =>
      (aerologueConfig.safeParse({ ...VALID, globalRegions }).error?.issues ?? []).filter((i) => i.path[0] === "globalRegions").map((i) => i.message);
    expect(messages(["eu-west-1", "ap-southeast-1"])).toEqual([]);
    expect(messages(["us-east-1"])).toEqual(["us-east-1 is the primary region (ARC-001); list only the added regions"]);
    expect(messages(["mars-1"])).toEqual(['unknown region "mars-1"']);
    expect(messages(["eu-west-1", "eu-west-1"])).toEqual(['region "eu-west-1" is listed twice']);
  });
});

describe("onProvider", () => {
  it("moves every resource under a scope to the given provider, and nothing else", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    const eu = new AwsProvider(stack, "eu", { region: "eu-west-1", alias: "eu_west_1" });
    new S3Bucket(stack, "home", { bucket: "home" });
    const scope = new Construct(stack, "replica");
    new S3Bucket(scope, "bucket", { bucket: "away" });
    onProvider(scope, eu);
    const json = JSON.parse(Testing.synth(stack)) as { resource: { aws_s3_bucket: Record<string, { bucket: string; provider?: string }> } };
    const byName = Object.fromEntries(Object.values(json.resource.aws_s3_bucket).map((b) => [b.bucket, b.provider]));
    expect(byName).toEqual({ home: undefined, away: "aws.eu_west_1" });
  });
});
