import { env as prod } from "@envs/prod";
import type { EnvConfig } from "@infra/config";
import { synthEnvOnce } from "@infra/testing";
import { describe, expect, it } from "vitest";
import { withAerologueGlobal } from "../../preflight-variants";
import { resources, stack } from "./helpers";

/**
 * ARC-012 as config: the real prod env, plus `globalRegions` and the region configs of the two
 * added regions (eu-west-1 already exists in prod for the platform's DR: it is spread, not copied).
 */
const GLOBAL = ["eu-west-1", "ap-southeast-1"] as const;
const CIDRS: Record<string, string> = { "eu-west-1": "10.1.0.0/16", "ap-southeast-1": "10.2.0.0/16" };

/** The same variant the preflight family is judged on (apps/ops/src/preflight-variants.ts). */
const globalProd: EnvConfig = withAerologueGlobal(prod);

const stacks = synthEnvOnce(globalProd);
const s = (region: string, layer: string) => stack(stacks, `prod-${region}-aerologue-${layer}`);

describe("aerologue prod with ARC-012 global regions (eu-west-1, ap-southeast-1)", () => {
  it("keeps global scaling off by default: the real prod config synthesizes no aerologue stack outside us-east-1", () => {
    const real = synthEnvOnce(prod);
    expect(real.filter((x) => x.stackName.includes("-aerologue-") && !x.stackName.startsWith("prod-us-east-1-"))).toEqual([]);
    const ddb = stack(real, "prod-us-east-1-aerologue-data-dynamodb");
    expect(resources(ddb, "aws_dynamodb_table").every((t) => t["replica"] === undefined)).toBe(true);
  });

  it("adds VPC, Aurora secondary, cache, functions and API in each global region", () => {
    for (const region of GLOBAL) {
      expect(
        stacks
          .filter((x) => x.stackName.startsWith(`prod-${region}-aerologue-`))
          .map((x) => x.stackName)
          .sort(),
      ).toEqual(["compute-api", "compute-functions", "data-aurora", "data-cache", "network-vpc"].map((m) => `prod-${region}-aerologue-${m}`));
      expect(resources(s(region, "network-vpc"), "aws_vpc")[0]!["cidr_block"]).toBe(CIDRS[region]);
    }
  });

  it("DynamoDB: every table is a global table with a replica per region, each encrypted with that region's key", () => {
    const tables = resources(s("us-east-1", "data-dynamodb"), "aws_dynamodb_table");
    expect(tables).toHaveLength(13);
    for (const t of tables) {
      const replicas = t["replica"] as { region_name: string; kms_key_arn: string; point_in_time_recovery: boolean }[];
      expect(replicas.map((r) => r.region_name)).toEqual([...GLOBAL]);
      replicas.forEach((r, i) => expect(r.kms_key_arn).toContain(`${GLOBAL[i]}_data`));
      expect(t).toMatchObject({ stream_enabled: true, stream_view_type: "NEW_AND_OLD_IMAGES" });
    }
    // The keys live in the primary kms stack on aliased regional providers.
    const kms = s("us-east-1", "security-kms");
    const keyProviders = resources(kms, "aws_kms_key").map((k) => k["provider"] ?? "default");
    expect(keyProviders.sort()).toEqual([...Array(4).fill("aws.ap_southeast_1"), ...Array(4).fill("aws.eu_west_1"), ...Array(4).fill("default")].sort());
  });

  it("Aurora: a global database, the us-east-1 primary in it, and a secondary cluster in each region", () => {
    const primary = s("us-east-1", "data-aurora");
    const [global] = resources(primary, "aws_rds_global_cluster");
    expect(global).toMatchObject({ global_cluster_identifier: "aerologue-prod-aurora-global", engine: "aurora-postgresql", engine_version: "15.10" });
    expect(String(resources(primary, "aws_rds_cluster")[0]!["global_cluster_identifier"])).toContain("aws_rds_global_cluster");
    for (const region of GLOBAL) {
      const [cluster] = resources(s(region, "data-aurora"), "aws_rds_cluster");
      expect(cluster).toMatchObject({ cluster_identifier: `aerologue-prod-${region}-aurora`, source_region: "us-east-1", engine_version: "15.10" });
      expect(String(cluster!["global_cluster_identifier"])).toContain("prod-us-east-1-aerologue-data-aurora");
      expect(cluster!["master_password"]).toBeUndefined();
      expect(resources(s(region, "data-aurora"), "aws_rds_cluster_instance")).toHaveLength(2);
    }
  });

  it("S3: user-content and data-archive replicate to a versioned, encrypted replica bucket in each region", () => {
    const st = s("us-east-1", "data-storage");
    for (const bucket of ["user-content", "data-archive"]) {
      const config = resources(st, "aws_s3_bucket_replication_configuration").find((r) => r.__name.startsWith(`${bucket}-replication`))!;
      const rules = config["rule"] as { id: string; destination: { bucket: string; encryption_configuration: { replica_kms_key_id: string } } }[];
      expect(rules.map((r) => r.id)).toEqual(GLOBAL.map((g) => `to-${g}`));
      for (const region of GLOBAL) {
        const replica = resources(st, "aws_s3_bucket").find((b) => b["bucket"] === `aerologue-prod-${region}-${bucket}`)!;
        expect(replica["provider"]).toBe(`aws.${region.replace(/-/g, "_")}`);
      }
    }
    expect(resources(st, "aws_s3_bucket_replication_configuration")).toHaveLength(2);
  });

  it("APIs: each region's HTTP and WebSocket API answers the CloudFront origin names behind Route 53 latency records", () => {
    for (const region of ["us-east-1", ...GLOBAL]) {
      const api = s(region, "compute-api");
      const latency = resources(api, "aws_route53_record").filter((r) => r["latency_routing_policy"]);
      expect(latency.map((r) => `${r["name"]} ${r["type"]} ${r["set_identifier"]}`).sort()).toEqual(
        ["origin-api.aerologue.app A", "origin-api.aerologue.app AAAA", "origin-ws.aerologue.app A", "origin-ws.aerologue.app AAAA"].map(
          (n) => `${n} ${region}`,
        ),
      );
      for (const r of latency) expect(r["latency_routing_policy"]).toEqual({ region });
      expect(
        resources(api, "aws_apigatewayv2_api")
          .map((x) => x["protocol_type"])
          .sort(),
      ).toEqual(["HTTP", "WEBSOCKET"]);
    }
  });

  it("secrets replicate to the global regions; regional functions use their own region's tables", () => {
    for (const secret of resources(s("us-east-1", "security-secrets"), "aws_secretsmanager_secret")) {
      expect((secret["replica"] as { region: string }[]).map((r) => r.region)).toEqual([...GLOBAL]);
    }
    const fns = s("eu-west-1", "compute-functions");
    expect(JSON.stringify(fns.json.data?.["aws_iam_policy_document"])).toContain("arn:aws:dynamodb:eu-west-1:444444444444:table/");
  });
});
