/** Test helpers for rule tests: run one rule over hand-built or synthesized stack JSON. */
import type { App } from "cdktf";
import { evaluate } from "./evaluate";
import type { CheckStatus } from "./report";
import type { JsonObject, PolicyRule, TerraformJson } from "./types";

export const TEST_TODAY = "2026-06-01";

type Resources = Record<string, Record<string, JsonObject>>;

function asTf(input: Resources | TerraformJson): TerraformJson {
  return "resource" in input || "data" in input ? (input as TerraformJson) : { resource: input as Resources };
}

/** Every failing finding, flattened: what rule tests assert on exactly. */
export function failures(rule: PolicyRule, input: Resources | TerraformJson) {
  const report = evaluate(asTf(input), { stack: "test", today: TEST_TODAY, rules: [rule] });
  return report.results.filter((r) => r.status === "failed").flatMap((r) => r.findings.map((f) => ({ rule: r.rule, address: r.address, ...f })));
}

/** Status per checked address: proves the rule ran on (and passed) a resource. */
export function statuses(rule: PolicyRule, input: Resources | TerraformJson): Record<string, CheckStatus> {
  const report = evaluate(asTf(input), { stack: "test", today: TEST_TODAY, rules: [rule] });
  return Object.fromEntries(report.results.map((r) => [r.address, r.status]));
}

/** The message `app.synth()` fails with (policy and preflight findings); fails the test when synth passes. */
export function synthError(app: App): string {
  try {
    app.synth();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected synth to fail");
}
