import type { CheckResult } from "@infra/policy";
import type { Finding } from "./findings";
import type { PackWaiver } from "./classify";

/**
 * Index the checks our policy pack waived (env config, with a reason) by the scanner ids the
 * waived rule mirrors: a checkov failure of a mirrored id on the same stack and address is that
 * same decision, and is not skipped or listed a second time.
 */
export function packWaiverLookup(results: readonly CheckResult[]): (f: Finding) => PackWaiver | undefined {
  const byKey = new Map<string, PackWaiver>();
  for (const r of results) {
    if (r.status !== "waived" || !r.waiver) continue;
    for (const id of r.mirrors) {
      byKey.set(`${id}|${r.stack}|${r.address}`, { rule: r.rule, reason: r.waiver.reason, ...(r.waiver.level ? { level: r.waiver.level } : {}) });
    }
  }
  return (f) => byKey.get(`${f.check}|${f.stack}|${f.address}`);
}
