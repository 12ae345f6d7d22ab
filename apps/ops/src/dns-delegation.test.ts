import { WORKLOADS, platformModules } from "@envs/envcommon";
import { root } from "@envs/root";
import { type EnvConfig, type Prerequisite, reservedDomainError } from "@infra/config";
import { declaredPrerequisites } from "@infra/core";
import { buildEnv } from "@infra/workloads";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENVS } from "./envs";

// Issue 11 class 11 (ADR 0014): every zone that validates ACM certificates is delegated, either by a
// stack (NS records in a parent zone of the env) or as a listed fresh-account prerequisite.

type Json = { resource?: Record<string, Record<string, Record<string, unknown>>>; data?: Record<string, Record<string, Record<string, unknown>>> };

/** The env built and synthesized (cross-stack references become remote state), with its declared prerequisites. */
function build(env: EnvConfig): { stacks: Map<string, Json>; prerequisites: Prerequisite[] } {
  const outdir = mkdtempSync(join(tmpdir(), `dns-${env.name}-`));
  try {
    const built = buildEnv(env, { root, workloads: WORKLOADS, outdir });
    built.app.synth();
    const stacks = new Map(
      built.resolved.deployments.map((d) => [d.id, JSON.parse(readFileSync(join(outdir, "stacks", d.stackName, "cdk.tf.json"), "utf8")) as Json]),
    );
    return { stacks, prerequisites: declaredPrerequisites(built.app) };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const envNamed = (name: string) => ENVS.find((e) => e.name === name)!;
const delegations = (list: readonly Prerequisite[]) => list.filter((p) => p.requirement.kind === "zone-delegation");
const zoneOf = (p: Prerequisite) => (p.requirement.kind === "zone-delegation" ? p.requirement.zone : "");
const certificateDomains = (stacks: Map<string, Json>) =>
  [...stacks.values()].flatMap((j) =>
    Object.values(j.resource?.["aws_acm_certificate"] ?? {}).flatMap((c) => [
      c["domain_name"] as string,
      ...((c["subject_alternative_names"] as string[] | undefined) ?? []),
    ]),
  );

const built = Object.fromEntries(["dev", "staging", "uat", "prod"].map((name) => [name, build(envNamed(name))]));

describe("DNS delegation of every zone that validates certificates (issue 11 class 11)", () => {
  it.each(["dev", "staging", "uat", "prod"])(
    "%s: every certificate sits under a public zone whose delegation is listed, and is never a reserved name",
    (name) => {
      const { stacks, prerequisites } = built[name]!;
      const zones = delegations(prerequisites).map(zoneOf);
      const domains = certificateDomains(stacks);
      expect(domains.length).toBeGreaterThan(0);
      for (const domain of domains) {
        expect(reservedDomainError(domain), domain).toBeUndefined();
        const bare = domain.replace(/^\*\./, "");
        expect(
          zones.some((z) => bare === z || bare.endsWith(`.${z}`)),
          `${name}: ${domain} under one of ${zones.join(", ")}`,
        ).toBe(true);
      }
    },
  );

  it("dev: each env zone is delegated from prod's zone (another account), after the zone's stack, before the certificates' stacks", () => {
    const list = delegations(built["dev"]!.prerequisites);
    expect(list.map((p) => [zoneOf(p), p.requirement.kind === "zone-delegation" && p.requirement.parent])).toEqual([
      ["dev.acme-platform.com", { kind: "zone", zone: "acme-platform.com", env: "prod" }],
      ["dev.acme-timeline.com", { kind: "zone", zone: "acme-timeline.com", env: "prod" }],
      ["dev.aerologue.app", { kind: "zone", zone: "aerologue.app", env: "prod" }],
    ]);
    const aero = list.find((p) => zoneOf(p) === "dev.aerologue.app")!;
    expect(aero.accountId).toBe(envNamed("dev").accountId);
    expect(aero.after).toEqual(["dev-us-east-1-aerologue-edge-dns"]);
    expect(aero.neededBy).toEqual([
      { stack: "dev-us-east-1-aerologue-compute-api", neededAt: "apply" },
      { stack: "dev-us-east-1-aerologue-edge-cdn", neededAt: "apply" },
    ]);
  });

  it("prod: the apexes are delegated at their registrars, signed ones with their DS record", () => {
    const list = delegations(built["prod"]!.prerequisites);
    const parents = Object.fromEntries(list.map((p) => [zoneOf(p), p.requirement.kind === "zone-delegation" ? p.requirement : undefined]));
    expect(Object.keys(parents).sort()).toEqual(["accountabilityatlas.com", "acme-platform.com", "acme-timeline.com", "aerologue.app", "mile-quest.com"]);
    for (const r of Object.values(parents)) expect(r!.parent).toEqual({ kind: "registrar" });
    expect(parents["mile-quest.com"]!.signed).toBe(true);
  });

  it("staging: Mile Quest's signed staging zone is delegated from prod's zone with its DS record", () => {
    const zones = delegations(built["staging"]!.prerequisites).map((p) => [zoneOf(p), p.requirement.kind === "zone-delegation" && p.requirement.parent]);
    expect(zones).toEqual(expect.arrayContaining([["staging.mile-quest.com", { kind: "zone", zone: "mile-quest.com", env: "prod" }]]));
    const mq = delegations(built["staging"]!.prerequisites).find((p) => zoneOf(p) === "staging.mile-quest.com")!;
    expect(mq.requirement).toMatchObject({ signed: true });
  });
});

describe('a parent zone of the same env ("env-zone"): the zone\'s stack creates the delegation', () => {
  // dev with Aerologue's zone under the platform zone of the same account.
  const base = envNamed("dev");
  const variant: EnvConfig = {
    ...base,
    workloads: { ...base.workloads, aerologue: { ...(base.workloads["aerologue"] as object), domain: "aerologue.dev.acme-platform.com" } },
    regions: base.regions.map((r) => ({
      ...r,
      deployments: r.deployments.map((d) =>
        d.definition.category === "aerologue-edge" && d.definition.module === "dns"
          ? {
              ...d,
              inputs: { ...(d.inputs as object), delegation: { kind: "env-zone" } },
              dependencies: { ...d.dependencies, parent: platformModules.zone },
            }
          : d,
      ),
    })),
  };
  const { stacks, prerequisites } = build(variant);

  it("NS records of the child's name servers go into the parent zone, read from the parent's stack", () => {
    const dns = stacks.get("us-east-1/aerologue-edge/dns")!;
    const records = Object.values(dns.resource?.["aws_route53_record"] ?? {}).filter((r) => r["type"] === "NS");
    expect(records).toHaveLength(1);
    const zone = Object.keys(dns.resource!["aws_route53_zone"]!)[0]!;
    expect(records[0]).toMatchObject({
      name: "aerologue.dev.acme-platform.com",
      ttl: 172800,
      records: `\${aws_route53_zone.${zone}.name_servers}`,
      zone_id: expect.stringMatching(/^\$\{data\.terraform_remote_state\.[\w-]+\.outputs\.[\w-]+\}$/),
    });
    // The remote state's config is conditional on the state object existing (docs/fresh-env-plan.md).
    const remote = Object.values(dns.data?.["terraform_remote_state"] ?? {}).map((s) => String(s["config"]));
    expect(remote.some((c) => c.includes('key = "dev/us-east-1/dns/zone/terraform.tfstate"'))).toBe(true);
  });

  it("the child is no prerequisite; its certificates need the parent's delegation", () => {
    const list = delegations(prerequisites);
    expect(list.map(zoneOf)).toEqual(["dev.acme-platform.com", "dev.acme-timeline.com"]);
    expect(list[0]!.neededBy.map((n) => n.stack)).toEqual(expect.arrayContaining(["dev-us-east-1-aerologue-edge-cdn"]));
  });
});
