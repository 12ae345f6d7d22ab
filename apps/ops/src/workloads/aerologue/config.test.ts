import { WORKLOADS, aerologueModules as a } from "@envs/envcommon";
import { env as dev } from "@envs/dev";
import { root } from "@envs/root";
import { type EnvConfig, deploy, resolveEnv } from "@infra/config";
import { synthEnvJson } from "@infra/workloads";
import { errorOf as configErrorOf } from "@infra/config/testing";
import { describe, expect, it } from "vitest";
import { resources, stack } from "./helpers";

const withAerologue = (overrides: object): EnvConfig => ({
  ...dev,
  workloads: { ...dev.workloads, aerologue: { ...(dev.workloads["aerologue"] as object), ...overrides } },
});

const errorOf = (env: EnvConfig): string => configErrorOf(() => resolveEnv(root, env, WORKLOADS)).message;

describe("aerologue config validation", () => {
  it("names the file, field and value of a bad workload value", () => {
    expect(errorOf(withAerologue({ logLevel: "verbose" }))).toContain("[environments/dev/env.ts] workloads.aerologue.logLevel");
    expect(errorOf(withAerologue({ globalRegions: ["us-east-1"] }))).toMatch(/globalRegions.*us-east-1 is the primary region/);
    expect(errorOf(withAerologue({ apiThrottle: { rateLimit: 1000, burstLimit: 10 } }))).toContain("burst 10 must be >= the rate 1000");
    expect(errorOf(withAerologue({ adminIpCidrs: ["not-a-cidr"] }))).toContain("workloads.aerologue.adminIpCidrs");
    // The shared admin allow-list entry (adminCidr in @infra/config, as atlas's adminCidrs): why a CIDR is wrong, and never everyone.
    expect(errorOf(withAerologue({ adminIpCidrs: ["203.0.113.10/24"] }))).toContain(
      'workloads.aerologue.adminIpCidrs.0 = "203.0.113.10/24": host bits are set: the network address is 203.0.113.0/24',
    );
    expect(errorOf(withAerologue({ adminIpCidrs: ["0.0.0.0/0"] }))).toContain("must not be the whole internet");
  });

  it("ARC-006 CORS: refuses the seed's wildcard origins (API Gateway matches exact origins only), paths and plain http outside localhost", () => {
    const wild = errorOf(withAerologue({ corsOrigins: ["https://aerologue.app", "https://*.aerologue.app", "http://localhost:*"] }));
    expect(wild).toContain("[environments/dev/env.ts] workloads.aerologue.corsOrigins.1");
    expect(wild).toContain('"https://*.aerologue.app" is a wildcard: API Gateway matches exact origins only');
    expect(wild).toContain("workloads.aerologue.corsOrigins.2");
    expect(errorOf(withAerologue({ corsOrigins: ["https://aerologue.app/"] }))).toContain('"https://aerologue.app/" is not an origin: scheme://host[:port]');
    expect(errorOf(withAerologue({ corsOrigins: ["http://aerologue.app"] }))).toContain('"http://aerologue.app" uses http: only local development origins');
  });

  it("refuses Aurora auto-pause without a written reason, and a standby NAT next to per-AZ NAT", () => {
    const region = dev.regions[0]!;
    const swap = (d: ReturnType<typeof deploy>) => ({
      ...dev,
      regions: [
        {
          ...region,
          deployments: region.deployments.map((x) =>
            x.definition.module === d.definition.module && x.definition.workload === "aerologue" ? { ...d, source: "test.ts" } : x,
          ),
        },
      ],
    });
    expect(errorOf(swap(deploy(a.aurora, { inputs: { minCapacity: 0, secondsUntilAutoPause: 300 } })))).toContain(
      "needs secondsUntilAutoPause and a written pauseReason",
    );
    expect(errorOf(swap(deploy(a.vpc, { inputs: { standbyNat: true, nat: { mode: "perAz" } } })))).toContain(
      'a standby NAT only makes sense next to nat mode "single"',
    );
  });

  it("ARC-003 standby NAT: when on, a second NAT gateway in AZ B with no route", () => {
    const stacks = synthEnvJson(withAerologue({ standbyNat: true }), { root, workloads: WORKLOADS });
    const net = stack(stacks, "dev-us-east-1-aerologue-network-vpc");
    const nats = resources(net, "aws_nat_gateway");
    expect(nats).toHaveLength(2);
    const standby = nats.find((n) => (n["tags"] as Record<string, string>)["Role"] === "standby")!;
    expect(String(standby["subnet_id"])).toContain("public-subnet-1");
    expect(
      resources(net, "aws_route")
        .filter((r) => r["nat_gateway_id"])
        .every((r) => !String(r["nat_gateway_id"]).includes("standby")),
    ).toBe(true);
  });
});
