import { finding } from "../../rules/helpers";
import type { Finding, PreflightRule } from "../types";
import { attributesOf, literalAt, overlaps, parseWindow, WINDOW_PAIRS, windowTypes } from "./windows";

/**
 * Windows the provider accepts but the service API refuses: shorter than the service's minimum, or a
 * maintenance window that overlaps the backup/snapshot window (on any day of the week).
 */
export const windowOverlap: PreflightRule = {
  id: "PRE-WIN-002",
  title: "Maintenance windows are long enough and do not overlap the backup or snapshot window",
  consequence:
    'the create call fails: RDS/DocumentDB/Neptune "InvalidParameterCombination" (backup window overlaps maintenance window, or shorter than 30 minutes); ElastiCache "The snapshot window and maintenance window must not overlap" / "must be at least 60 minutes"',
  severity: "high",
  catalogue: [],
  defects: [1],
  scope: "stack",
  resourceTypes: windowTypes,
  appliesTo: (s) => attributesOf(s).some((w) => (w.kind === "weekly" || w.kind === "daily") && literalAt(s.resource.values, w.attribute) !== undefined),
  check({ resource, stack }) {
    const out: Finding[] = [];
    for (const w of attributesOf({ resource, stack })) {
      if ((w.kind !== "weekly" && w.kind !== "daily") || !w.minMinutes) continue;
      const value = literalAt(resource.values, w.attribute);
      const parsed = value && parseWindow(value, w.kind);
      if (parsed && parsed.length < w.minMinutes) out.push(finding(w.attribute, `${value} (${parsed.length} minutes)`, `at least ${w.minMinutes} minutes`));
    }
    for (const pair of WINDOW_PAIRS.filter((p) => p.type === resource.type)) {
      const maintenance = literalAt(resource.values, pair.maintenance);
      let backup = literalAt(resource.values, pair.backup);
      let backupWhere = pair.backup;
      if (backup === undefined && pair.backupFrom) {
        const owner = stack.index.resolve(resource.values[pair.backupFrom.reference]);
        if (owner?.type === pair.backupFrom.type) {
          backup = literalAt(owner.values, pair.backupFrom.attribute);
          backupWhere = `${owner.address}.${pair.backupFrom.attribute}`;
        }
      }
      const m = maintenance && parseWindow(maintenance, "weekly");
      const b = backup && parseWindow(backup, "daily");
      if (m && b && overlaps(m, b)) {
        out.push({ ...finding(pair.maintenance, maintenance, `no overlap with ${backupWhere} = ${backup}`), consequence: pair.error });
      }
    }
    return out;
  },
};
