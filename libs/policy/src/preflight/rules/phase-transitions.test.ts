import { describe, expect, it } from "vitest";
import { EnvFixture, TEST_TODAY } from "../test-harness";
import { evaluateTransition } from "../transition";
import { readdressedResources, removedStacks } from "./phase-transitions";

const zone = { aws_route53_zone: { apex: { name: "atlas.example.org" } } };
const failures = (before: EnvFixture, after: EnvFixture, rule: typeof removedStacks) =>
  evaluateTransition(before.inputs(), after.inputs(), { today: TEST_TODAY, rules: [rule] })
    .flatMap((r) => r.results)
    .map((r) => [`${r.stack}/${r.address}`, r.status, r.findings.map((f) => f.found).join("; ")]);

describe("PRE-PHASE-001 dropped stacks", () => {
  it("Compliance: a stack kept for the transition with its resources removed (deploy destroys them) passes", () => {
    const before = new EnvFixture({ host: { resource: { aws_instance: { host: { ami: "ami-1" } } } }, vpc: { resource: { aws_vpc: { v: {} } } } });
    const after = new EnvFixture({ host: {}, vpc: { resource: { aws_vpc: { v: {} } } } });
    expect(failures(before, after, removedStacks)).toEqual([]);
  });

  it("Noncompliance: phase 1 → 2 drops the docker host stack with its instance (issue 11 item 14)", () => {
    const before = new EnvFixture({
      host: { resource: { aws_instance: { host: { ami: "ami-1" } }, aws_eip: { ip: {} } } },
      vpc: { resource: { aws_vpc: { v: {} } } },
    });
    const after = new EnvFixture({ vpc: { resource: { aws_vpc: { v: {} } } } });
    expect(failures(before, after, removedStacks)).toEqual([
      ["host/stack", "failed", "synthesized before with 2 resources (aws_instance.host, aws_eip.ip), absent after"],
    ]);
  });
});

describe("PRE-PHASE-002 objects that change address", () => {
  it("Compliance: a record kept at its address, and one moved with a moved block, pass", () => {
    const record = (name: string) => ({
      zone_id: "${aws_route53_zone.apex.zone_id}",
      name: "atlas.example.org",
      type: "A",
      alias: { name, zone_id: "Z1", evaluate_target_health: true },
    });
    const before = new EnvFixture({ dns: { resource: { ...zone, aws_route53_record: { apex: record("host") } } } });
    const same = new EnvFixture({ dns: { resource: { ...zone, aws_route53_record: { apex: record("alb") } } } });
    const movedFixture = new EnvFixture({ dns: { resource: { ...zone, aws_route53_record: { apex_alb: record("alb") } } } });
    const moved = movedFixture
      .inputs()
      .map((s) => ({ ...s, json: { ...s.json, moved: [{ from: "aws_route53_record.apex", to: "aws_route53_record.apex_alb" }] } }));
    expect(failures(before, same, readdressedResources)).toEqual([]);
    expect(evaluateTransition(before.inputs(), moved, { today: TEST_TODAY, rules: [readdressedResources] })).toEqual([]);
  });

  it("Noncompliance: the apex record recreated under a new id at the phase change fails", () => {
    const before = new EnvFixture({
      dns: {
        resource: {
          ...zone,
          aws_route53_record: {
            "apex-host": { zone_id: "${aws_route53_zone.apex.zone_id}", name: "atlas.example.org", type: "A", records: ["1.2.3.4"], ttl: 300 },
          },
        },
      },
    });
    const after = new EnvFixture({
      dns: {
        resource: {
          ...zone,
          aws_route53_record: {
            "apex-alb": {
              zone_id: "${aws_route53_zone.apex.zone_id}",
              name: "atlas.example.org",
              type: "A",
              alias: { name: "lb", zone_id: "Z1", evaluate_target_health: true },
            },
          },
        },
      },
    });
    expect(failures(before, after, readdressedResources)).toEqual([
      [
        "dns/aws_route53_record.apex-alb",
        "failed",
        "Route 53 record atlas.example.org A in atlas.example.org was dns/aws_route53_record.apex-host in the previous config",
      ],
    ]);
  });
});
