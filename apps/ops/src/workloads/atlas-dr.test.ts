import { env as prodEnv } from "@envs/prod";
import { env as stagingEnv } from "@envs/staging";
import { SERVICES } from "@infra/atlas-inputs";
import { synthEnvOnce } from "@infra/testing";
import { type StackJson, resourcesOfType } from "@infra/workloads";
import { atlasOnly } from "./atlas-variant";
import { describe, expect, it } from "vitest";

type Res = Record<string, unknown>;

/**
 * ADR 0106: AccountabilityAtlas phase-4 DR in us-west-2, a pilot light that can serve
 * (seed 001 "Region failure: RTO 4 hours, RPO 1 hour, DR region activation"; RDS copies 7 days).
 */
const synth = (env: Parameters<typeof synthEnvOnce>[0]) => synthEnvOnce(env).filter((s) => s.stackName.includes("-atlas-"));
const p4 = synth(atlasOnly(prodEnv, 4));
const dr = p4.filter((s) => s.stackName.startsWith("prod-us-west-2-"));
function stack(stacks: StackJson[], name: string): StackJson {
  const found = stacks.find((s) => s.stackName === name);
  if (!found) throw new Error(`no stack ${name}; have ${stacks.map((s) => s.stackName).join(", ")}`);
  return found;
}
const list = (s: StackJson, type: string): Res[] => Object.values(resourcesOfType(s.json, type));
const one = (s: StackJson, type: string): Res => {
  const all = list(s, type);
  expect(all, `${s.stackName}: one ${type}`).toHaveLength(1);
  return all[0]!;
};

describe("ADR 0106 DR pilot light: only at phase 4, only in prod", () => {
  it("no us-west-2 stack of the workload before phase 4, nor in staging", () => {
    for (const phase of [1, 2, 3] as const) expect(synth(atlasOnly(prodEnv, phase)).filter((s) => s.stackName.includes("us-west-2"))).toEqual([]);
    expect(synth(atlasOnly(stagingEnv, 4)).filter((s) => s.stackName.includes("us-west-2"))).toEqual([]);
  });
});

describe("network: the atlas VPC in us-west-2", () => {
  const vpc = stack(dr, "prod-us-west-2-atlas-network-vpc");
  it("10.4.0.0/16 (apart from every VPC of the account), the primary's subnet plan over two AZs, one NAT gateway", () => {
    expect(one(vpc, "aws_vpc")).toMatchObject({ cidr_block: "10.4.0.0/16" });
    const cidrs = list(vpc, "aws_subnet")
      .map((s) => [s["cidr_block"], s["availability_zone"]])
      .sort();
    expect(cidrs).toEqual([
      ["10.4.1.0/24", "us-west-2a"],
      ["10.4.10.0/24", "us-west-2a"],
      ["10.4.11.0/24", "us-west-2b"],
      ["10.4.2.0/24", "us-west-2b"],
      ["10.4.20.0/24", "us-west-2a"],
      ["10.4.21.0/24", "us-west-2b"],
    ]);
    expect(list(vpc, "aws_nat_gateway")).toHaveLength(1);
    // The database restored at activation lands in this group (docs/runbooks/atlas-dr.md).
    expect(one(vpc, "aws_db_subnet_group")).toMatchObject({ name: expect.stringContaining("prod-us-west-2-atlas") });
  });
});

describe("secrets: every secret the ECS services read has a replica in us-west-2 under the DR data key", () => {
  const drKey = "cross-stack-reference-input-prod-us-west-2-atlas-security-kms";
  it("the four app secrets and the Redis AUTH token (atlas-security-secrets)", () => {
    const secrets = list(stack(p4, "prod-us-east-1-atlas-security-secrets"), "aws_secretsmanager_secret");
    expect(secrets.map((s) => s["name"]).sort()).toEqual(
      ["admin-password-hash", "jwt-rsa-key-pair", "mapbox-access-token", "redis-auth-token", "youtube-api-key"].map((n) => `accountabilityatlas/prod/${n}`),
    );
    for (const s of secrets) {
      expect(s["replica"], String(s["name"])).toEqual([{ region: "us-west-2", kms_key_id: expect.stringContaining(drKey) }]);
    }
  });
  it("the database's rotated master secret (atlas-data-rds), which the restored DR database logs in with", () => {
    const secret = one(stack(p4, "prod-us-east-1-atlas-data-rds"), "aws_secretsmanager_secret");
    expect(secret).toMatchObject({
      name: "acct-atlas-prod/master-credentials",
      replica: [{ region: "us-west-2", kms_key_id: expect.stringContaining(drKey) }],
    });
  });
  it("no replica before phase 4", () => {
    const p3 = synth(atlasOnly(prodEnv, 3));
    for (const s of p3.flatMap((st) => list(st, "aws_secretsmanager_secret"))) expect(s["replica"], String(s["name"])).toBeUndefined();
  });
});

describe("images: ECR replication us-east-1 → us-west-2 into repositories under the DR data key", () => {
  const repos = stack(dr, "prod-us-west-2-atlas-services-ecr");
  const names = SERVICES.map((s) => s.repository).sort();
  it("the eight repositories in us-west-2: DR data key, immutable tags, scan on push, lifecycle (replicas ECR would create get AES256 and none)", () => {
    const all = list(repos, "aws_ecr_repository");
    expect(all.map((r) => r["name"]).sort()).toEqual(names);
    for (const r of all) {
      expect(r).toMatchObject({
        image_tag_mutability: "IMMUTABLE",
        image_scanning_configuration: { scan_on_push: true },
        encryption_configuration: [
          { encryption_type: "KMS", kms_key: expect.stringContaining("cross-stack-reference-input-prod-us-west-2-atlas-security-kms") },
        ],
      });
    }
    expect(list(repos, "aws_ecr_lifecycle_policy")).toHaveLength(8);
  });
  it("the account registry's replication (one per account and region) is account/foundation's: us-east-1 → us-west-2, exactly those repositories", () => {
    const foundation = synthEnvOnce(atlasOnly(prodEnv, 4)).find((s) => s.stackName === "prod-us-east-1-account-foundation")!;
    const config = one(foundation, "aws_ecr_replication_configuration");
    expect(config["region"]).toBeUndefined(); // the foundation's region, us-east-1: the source registry
    expect(config["replication_configuration"]).toEqual({
      rule: [
        {
          destination: [{ region: "us-west-2", registry_id: prodEnv.accountId }],
          repository_filter: names.map((n) => ({ filter: n, filter_type: "PREFIX_MATCH" })),
        },
      ],
    });
    // No workload stack sets it.
    expect(p4.flatMap((s) => list(s, "aws_ecr_replication_configuration"))).toEqual([]);
  });
  it("phase 3: no DR repository, so the foundation replicates nothing", () => {
    const foundation = synthEnvOnce(atlasOnly(prodEnv, 3)).find((s) => s.stackName === "prod-us-east-1-account-foundation")!;
    expect(list(foundation, "aws_ecr_replication_configuration")).toEqual([]);
  });
});
