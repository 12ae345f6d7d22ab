/**
 * Waivers applied to one stack's findings: shared by the policy pack (`evaluate`) and the preflight
 * family (`evaluatePreflight`), so both read, expire, reject and report waivers the same way.
 */
import type { CheckResult, PolicyReport, RejectedWaiver } from "./report";
import type { Finding, Severity, StackIndex, SynthResource } from "./types";
import { describeWaiver, isExpired, isProtected, matchesAddress, waiverProblems, type Waiver } from "./waivers";

/** What a rule says about itself in every result. */
export interface RuleSummary {
  readonly id: string;
  readonly title: string;
  readonly mirrors?: readonly string[];
  readonly severity: Severity;
  /** What AWS or Terraform does when the rule is violated (preflight rules). */
  readonly consequence?: string;
}

export interface WaiverJudge {
  /** One rule's findings on one resource → passed, waived or failed (with notes). */
  judge(rule: RuleSummary, resource: SynthResource, findings: Finding[]): CheckResult;
  /** The stack's report from the results judged so far. */
  report(results: CheckResult[], resources: number): PolicyReport;
}

export function waiverJudge(options: { stack: string; today: string; waivers: readonly Waiver[]; index: StackIndex }): WaiverJudge {
  const { stack, today, index } = options;
  const invalidWaivers = options.waivers.map((waiver) => ({ waiver, problems: waiverProblems(waiver) })).filter((w) => w.problems.length > 0);
  const valid = options.waivers.filter((w) => waiverProblems(w).length === 0);
  const expiredWaivers = valid.filter((w) => isExpired(w, today));
  const live = valid.filter((w) => !isExpired(w, today));
  const used = new Set<Waiver>();
  const rejectedWaivers: RejectedWaiver[] = [];

  return {
    judge(rule, resource, findings) {
      const base = {
        rule: rule.id,
        mirrors: [...(rule.mirrors ?? [])],
        title: rule.title,
        severity: rule.severity,
        ...(rule.consequence ? { consequence: rule.consequence } : {}),
        stack,
        address: resource.address,
        ...(resource.constructPath ? { constructPath: resource.constructPath } : {}),
        findings,
        notes: [] as string[],
      };
      if (findings.length === 0) return { ...base, status: "passed" };
      const matches = (w: Waiver) => w.rule === rule.id && matchesAddress(w, stack, resource.address);
      for (const w of expiredWaivers.filter(matches)) base.notes.push(`waiver ${describeWaiver(w)} expired on ${w.expires}`);
      const candidates = live.filter(matches);
      if (candidates.length > 0 && isProtected(resource, index)) {
        for (const w of candidates) {
          const reason = "the Terraform state bucket and lock table (tag InfraRole = terraform-state) can never be waived";
          rejectedWaivers.push({ waiver: w, address: `${stack}/${resource.address}`, reason });
          base.notes.push(`waiver ${describeWaiver(w)} rejected: ${reason}`);
        }
        return { ...base, status: "failed" };
      }
      const waiver = candidates[0];
      if (!waiver) return { ...base, status: "failed" };
      used.add(waiver);
      return { ...base, status: "waived", waiver };
    },
    report(results, resources) {
      const rejected = new Set(rejectedWaivers.map((r) => r.waiver));
      return {
        stack,
        today,
        resources,
        results,
        unusedWaivers: live.filter((w) => !used.has(w) && !rejected.has(w)),
        expiredWaivers,
        rejectedWaivers,
        invalidWaivers,
      };
    },
  };
}
