import { WORKLOADS } from "@envs/envcommon";
import { env as prodEnv } from "@envs/prod";
import { root } from "@envs/root";
import { atlasCdnInputs } from "@infra/atlas-inputs";
import { resolveEnv } from "@infra/config";
import { synthEnvOnce } from "@infra/testing";
import { type StackJson, resourcesOfType } from "@infra/workloads";
import { describe, expect, it } from "vitest";
import { withAtlasPhase } from "../preflight-variants";
import { atlasOnly } from "./atlas-variant";

type Res = Record<string, unknown>;
type Statement = { sid?: string; effect?: string; actions?: string[]; principals?: Res[]; resources?: string[]; condition?: Res[] };

/**
 * ADR 0106, static assets: at phase 4 prod CloudFront reads /_next/static/* and /static/* through an
 * origin group, the us-east-1 static-assets bucket first, its us-west-2 replica when that fails.
 */
const synth = (phase: 3 | 4) => synthEnvOnce(atlasOnly(prodEnv, phase)).filter((s) => s.stackName.includes("-atlas-"));
const p4 = synth(4);
function stack(stacks: StackJson[], name: string): StackJson {
  const found = stacks.find((s) => s.stackName === name);
  if (!found) throw new Error(`no stack ${name}; have ${stacks.map((s) => s.stackName).join(", ")}`);
  return found;
}
const one = (s: StackJson, type: string): Res => {
  const all = Object.values(resourcesOfType(s.json, type));
  expect(all, `${s.stackName}: one ${type}`).toHaveLength(1);
  return all[0]!;
};
const distribution = (stacks: StackJson[]) => one(stack(stacks, "prod-us-east-1-atlas-edge-cdn"), "aws_cloudfront_distribution");
const policyDocuments = (s: StackJson) => (s.json["data"] as Record<string, Record<string, { statement: Statement[] }>>)["aws_iam_policy_document"]!;
const REPLICA = "accountabilityatlas-prod-us-west-2-static-assets";

describe("CloudFront: the static paths fail over to the us-west-2 replica (phase 4 prod)", () => {
  const dist = distribution(p4);
  it("an origin group: the us-east-1 bucket, then the us-west-2 replica, on 403, 404, 500, 502, 503, 504", () => {
    expect(dist["origin_group"]).toEqual([
      {
        origin_id: "assets-failover",
        failover_criteria: { status_codes: [403, 404, 500, 502, 503, 504] },
        member: [{ origin_id: "assets" }, { origin_id: "assets-replica" }],
      },
    ]);
  });
  it("the replica origin is the us-west-2 bucket's regional name, signed with the same OAC as the primary", () => {
    const origins = Object.fromEntries((dist["origin"] as Res[]).map((o) => [o["origin_id"], o]));
    expect(Object.keys(origins).sort()).toEqual(["app", "assets", "assets-replica"]);
    expect(origins["assets-replica"]).toMatchObject({ domain_name: `${REPLICA}.s3.us-west-2.amazonaws.com` });
    expect(origins["assets-replica"]!["origin_access_control_id"]).toBe(origins["assets"]!["origin_access_control_id"]);
    expect(origins["assets-replica"]!["origin_access_control_id"]).toEqual(expect.stringContaining("aws_cloudfront_origin_access_control."));
  });
  it("both static behaviours use the group (GET/HEAD only, which CloudFront fails over); SSR and API stay on the ALB", () => {
    const behaviours = (dist["ordered_cache_behavior"] as Res[]).map((b) => [b["path_pattern"], b["target_origin_id"], b["allowed_methods"]]);
    expect(behaviours).toEqual([
      ["/_next/static/*", "assets-failover", ["GET", "HEAD"]],
      ["/static/*", "assets-failover", ["GET", "HEAD"]],
    ]);
    expect(dist["default_cache_behavior"]).toMatchObject({ target_origin_id: "app" });
  });
  it("phase 3 (no DR copy): the bucket alone, as before", () => {
    const p3 = distribution(synth(3));
    expect(p3["origin_group"]).toBeUndefined();
    expect((p3["origin"] as Res[]).map((o) => o["origin_id"]).sort()).toEqual(["app", "assets"]);
    expect((p3["ordered_cache_behavior"] as Res[]).map((b) => b["target_origin_id"])).toEqual(["assets", "assets"]);
  });
});

describe("the replica lets CloudFront read: bucket policy and key policy in us-west-2", () => {
  const buckets = stack(p4, "prod-us-west-2-atlas-data-buckets");
  const kms = stack(p4, "prod-us-west-2-atlas-security-kms");
  const replica = Object.entries(resourcesOfType(buckets.json, "aws_s3_bucket")).find(([, b]) => b["bucket"] === REPLICA)!;
  it("the replica is SSE-KMS under the us-west-2 data key", () => {
    const sse = Object.values(resourcesOfType(buckets.json, "aws_s3_bucket_server_side_encryption_configuration")).find(
      (c) => c["bucket"] === `\${aws_s3_bucket.${replica[0]}.id}`,
    )!;
    expect(JSON.stringify(sse)).toContain('"sse_algorithm":"aws:kms"');
    expect(JSON.stringify(sse)).toContain("prod-us-west-2-atlas-security-kms");
  });
  it("bucket policy: cloudfront.amazonaws.com may GetObject, only for this account's distributions (AWS:SourceArn)", () => {
    const doc = Object.entries(policyDocuments(buckets)).find(([id]) => id.startsWith("static-assets_policy-document"))![1];
    expect(doc.statement.find((s) => s.sid === "CloudFrontRead")).toEqual({
      sid: "CloudFrontRead",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["cloudfront.amazonaws.com"] }],
      actions: ["s3:GetObject"],
      resources: [`\${aws_s3_bucket.${replica[0]}.arn}/*`],
      condition: [{ test: "StringLike", variable: "AWS:SourceArn", values: ["arn:aws:cloudfront::444444444444:distribution/*"] }],
    });
  });
  it("key policy: CloudFront may decrypt with the us-west-2 data key, for this account's distributions only", () => {
    const statements = Object.values(policyDocuments(kms)).flatMap((d) => d.statement);
    expect(statements.filter((s) => JSON.stringify(s.principals).includes("cloudfront.amazonaws.com"))).toEqual([
      {
        sid: "ServiceCloudfront",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["cloudfront.amazonaws.com"] }],
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        resources: ["*"],
        condition: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: ["444444444444"] },
          { test: "ArnLike", variable: "aws:SourceArn", values: ["arn:aws:cloudfront::444444444444:distribution/*"] },
        ],
      },
    ]);
  });
  it("the us-west-2 access-log bucket takes no CloudFront logs: object ownership stays BucketOwnerEnforced", () => {
    for (const o of Object.values(resourcesOfType(buckets.json, "aws_s3_bucket_ownership_controls"))) {
      expect(o["rule"]).toEqual({ object_ownership: "BucketOwnerEnforced" });
    }
  });
});

describe("first apply and ordering", () => {
  const resolved = resolveEnv(root, withAtlasPhase(prodEnv, 4), WORKLOADS);
  const ids = resolved.deployments.map((d) => d.id);
  it("the cdn deploys after the replica bucket (typed dependency), and the replica's stacks never wait for the cdn", () => {
    const cdn = resolved.deployments.find((d) => d.id === "us-east-1/atlas-edge/cdn")!;
    expect(cdn.dependencies["drBuckets"]).toBe("us-west-2/atlas-data/buckets");
    expect(ids.indexOf("us-west-2/atlas-data/buckets")).toBeLessThan(ids.indexOf("us-east-1/atlas-edge/cdn"));
    for (const d of resolved.deployments.filter((x) => x.id.startsWith("us-west-2/atlas-"))) {
      expect(Object.values(d.dependencies), d.id).not.toContain("us-east-1/atlas-edge/cdn");
    }
  });
});

describe("config errors", () => {
  const base = {
    name: "acct-atlas-prod",
    aliases: ["accountabilityatlas.com"],
    originDomain: "api.accountabilityatlas.com",
    assetsBucketDomain: "accountabilityatlas-prod-us-east-1-static-assets.s3.us-east-1.amazonaws.com",
    logBucketDomain: "accountabilityatlas-prod-us-east-1-access-logs.s3.amazonaws.com",
    rateLimitPer5Min: 9000,
    staticPaths: ["/static/*"],
    priceClass: "PriceClass_100",
    logRetentionDays: 30,
  };
  const failover = { region: "us-west-2", replicaBucketDomain: `${REPLICA}.s3.us-west-2.amazonaws.com`, statusCodes: [503] };
  const messages = (input: unknown) => atlasCdnInputs.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  it("a replica in another region than staticFailover.region, or the primary bucket itself, is refused naming the value", () => {
    expect(messages({ ...base, staticFailover: failover })).toBeUndefined();
    expect(messages({ ...base, staticFailover: { ...failover, region: "eu-west-1" } })).toEqual([
      `staticFailover.replicaBucketDomain: "${REPLICA}.s3.us-west-2.amazonaws.com" must be the replica bucket's regional name, <bucket>.s3.eu-west-1.amazonaws.com (staticFailover.region)`,
    ]);
    expect(messages({ ...base, staticFailover: { ...failover, region: "us-east-1", replicaBucketDomain: base.assetsBucketDomain } })).toEqual([
      `staticFailover.replicaBucketDomain: "${base.assetsBucketDomain}" is the static-assets bucket itself: the replica must be the DR region's copy`,
    ]);
  });
  it("a status code CloudFront does not fail over on is refused", () => {
    expect(messages({ ...base, staticFailover: { ...failover, statusCodes: [418] } })?.[0]).toMatch(/^staticFailover\.statusCodes\.0: /);
  });
});
