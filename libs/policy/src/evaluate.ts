import { waiverJudge } from "./judge";
import type { CheckResult, PolicyReport } from "./report";
import { allRules } from "./rules";
import { buildIndex } from "./stack-index";
import type { Finding, PolicyRule, TerraformJson } from "./types";
import { isIsoDate, type Waiver } from "./waivers";

export interface EvaluateOptions {
  /** Stack name, used in addresses (`<stack>/<address>`) and in waiver globs with a `/`. */
  stack: string;
  /** Evaluation date, YYYY-MM-DD: expiry and date-based rules use it, never the clock. */
  today: string;
  waivers?: Waiver[];
  /** Defaults to every rule of the pack. */
  rules?: readonly PolicyRule[];
}

function runCheck(rule: PolicyRule, ...args: Parameters<PolicyRule["check"]>): Finding[] {
  try {
    return rule.check(...args);
  } catch (error) {
    // A crashing rule must not pass silently: it becomes a failure that names the bug.
    return [{ attribute: "(rule)", found: `rule crashed: ${(error as Error).message}`, expected: "the rule to evaluate" }];
  }
}

/** Run the rules over one synthesized stack and apply the waivers. Pure. */
export function evaluate(tf: TerraformJson, options: EvaluateOptions): PolicyReport {
  if (!isIsoDate(options.today)) throw new Error(`policy: today must be a YYYY-MM-DD date, got "${options.today}"`);
  const rules = options.rules ?? allRules;
  const index = buildIndex(tf, options.today);
  const judge = waiverJudge({ stack: options.stack, today: options.today, waivers: options.waivers ?? [], index });
  const results: CheckResult[] = [];
  for (const rule of rules) {
    for (const type of rule.resourceTypes) {
      for (const resource of index.ofType(type)) {
        if (resource.mode !== "managed" || (rule.appliesTo && !rule.appliesTo(resource, index))) continue;
        results.push(judge.judge(rule, resource, runCheck(rule, resource, index)));
      }
    }
  }
  return judge.report(results, index.resources.filter((r) => r.mode === "managed").length);
}
