import { describe, expect, it } from "vitest";
import { TracingSamplingRule } from "./sampling-rule";
import { only, synthJson } from "@infra/testing-core/blocks";
import { synthTerraform } from "@infra/testing-core";

describe("TracingSamplingRule", () => {
  it("samples 5% after a reservoir of 1 (seed 000 ARC-010)", () => {
    const { resource } = synthJson((s) => new TracingSamplingRule(s, "xray", { name: "aerologue-prod", fixedRate: 0.05, serviceName: "aerologue-prod-*" }));
    expect(only(resource.aws_xray_sampling_rule, "rule")).toEqual({
      rule_name: "aerologue-prod",
      priority: 1000,
      fixed_rate: 0.05,
      reservoir_size: 1,
      service_name: "aerologue-prod-*",
      service_type: "*",
      host: "*",
      http_method: "*",
      url_path: "*",
      resource_arn: "*",
      version: 1,
    });
  });
  it("takes tags, and movedFrom carries the state of the raw resource it replaces (a moved block)", () => {
    const json = synthTerraform((s) =>
      new TracingSamplingRule(s, "xray", { name: "timeline", fixedRate: 0.05, tags: { Service: "xray" } }).movedFrom("aws_xray_sampling_rule.xray-sampling"),
    );
    const [address, rule] = Object.entries((json.resource as Record<string, Record<string, unknown>>)["aws_xray_sampling_rule"]!)[0]!;
    expect(rule).toMatchObject({ rule_name: "timeline", tags: { Service: "xray" } });
    expect(json["moved"]).toEqual([{ from: "aws_xray_sampling_rule.xray-sampling", to: `aws_xray_sampling_rule.${address}` }]);
  });
  it("rejects a rate above 1", () => {
    expect(() => synthJson((s) => new TracingSamplingRule(s, "x", { name: "x", fixedRate: 5 }))).toThrow(
      'TracingSamplingRule "x": fixedRate 5 must be between 0 and 1',
    );
  });
});
