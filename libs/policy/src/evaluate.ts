import type { CheckResult, PolicyReport, RejectedWaiver } from "./report";
import { allRules } from "./rules";
import { buildIndex } from "./stack-index";
import type { Finding, PolicyRule, TerraformJson } from "./types";
import { describeWaiver, isExpired, isIsoDate, isProtected, matchesAddress, waiverProblems, type Waiver } from "./waivers";

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
  const all = options.waivers ?? [];
  const invalidWaivers = all.map((waiver) => ({ waiver, problems: waiverProblems(waiver) })).filter((w) => w.problems.length > 0);
  const valid = all.filter((w) => waiverProblems(w).length === 0);
  const expiredWaivers = valid.filter((w) => isExpired(w, options.today));
  const live = valid.filter((w) => !isExpired(w, options.today));
  const used = new Set<Waiver>();
  const rejectedWaivers: RejectedWaiver[] = [];
  const results: CheckResult[] = [];

  for (const rule of rules) {
    for (const type of rule.resourceTypes) {
      for (const resource of index.ofType(type)) {
        if (resource.mode !== "managed" || (rule.appliesTo && !rule.appliesTo(resource, index))) continue;
        const findings = runCheck(rule, resource, index);
        const base = {
          rule: rule.id,
          mirrors: rule.mirrors,
          title: rule.title,
          severity: rule.severity,
          stack: options.stack,
          address: resource.address,
          ...(resource.constructPath ? { constructPath: resource.constructPath } : {}),
          findings,
          notes: [] as string[],
        };
        if (findings.length === 0) {
          results.push({ ...base, status: "passed" });
          continue;
        }
        const matches = (w: Waiver) => w.rule === rule.id && matchesAddress(w, options.stack, resource.address);
        for (const w of expiredWaivers.filter(matches)) base.notes.push(`waiver ${describeWaiver(w)} expired on ${w.expires}`);
        const candidates = live.filter(matches);
        if (candidates.length > 0 && isProtected(resource, index)) {
          for (const w of candidates) {
            const reason = "the Terraform state bucket and lock table (tag InfraRole = terraform-state) can never be waived";
            rejectedWaivers.push({ waiver: w, address: `${options.stack}/${resource.address}`, reason });
            base.notes.push(`waiver ${describeWaiver(w)} rejected: ${reason}`);
          }
          results.push({ ...base, status: "failed" });
          continue;
        }
        const waiver = candidates[0];
        if (waiver) {
          used.add(waiver);
          results.push({ ...base, status: "waived", waiver });
        } else {
          results.push({ ...base, status: "failed" });
        }
      }
    }
  }

  const rejected = new Set(rejectedWaivers.map((r) => r.waiver));
  return {
    stack: options.stack,
    today: options.today,
    resources: index.resources.filter((r) => r.mode === "managed").length,
    results,
    unusedWaivers: live.filter((w) => !used.has(w) && !rejected.has(w)),
    expiredWaivers,
    rejectedWaivers,
    invalidWaivers,
  };
}
