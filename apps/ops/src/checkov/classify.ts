import type { Finding } from "./findings";
import { type Known, matchesResource, type Skip } from "./policy-files";

export interface Classified {
  /** Not applicable here: the skip that says why. */
  readonly skipped: readonly { readonly finding: Finding; readonly skip: Skip }[];
  /** Real defects already listed in the known-findings baseline. */
  readonly known: readonly { readonly finding: Finding; readonly entry: Known }[];
  /** Everything else: new failures. CI fails on any. */
  readonly failed: readonly Finding[];
  /** Baseline entries that no longer match anything: fixed, to be removed from the baseline. */
  readonly staleKnown: readonly Known[];
  /** Skips that matched nothing in this run (the check passes everywhere now, or the resource is gone). */
  readonly unusedSkips: readonly Skip[];
}

/** Sort every finding: a skip (check-level or per resource) first, then the baseline, else a new failure. */
export function classify(findings: readonly Finding[], skips: readonly Skip[], known: readonly Known[]): Classified {
  const skipped: { finding: Finding; skip: Skip }[] = [];
  const knownHits: { finding: Finding; entry: Known }[] = [];
  const failed: Finding[] = [];
  const usedSkips = new Set<Skip>();
  const usedKnown = new Set<Known>();
  for (const f of findings) {
    const skip = skips.find((s) => s.check === f.check && matchesResource(s.resources, f.stack, f.address));
    if (skip) {
      usedSkips.add(skip);
      skipped.push({ finding: f, skip });
      continue;
    }
    const entry = known.find((k) => k.check === f.check && matchesResource(k.resources, f.stack, f.address));
    if (entry) {
      usedKnown.add(entry);
      knownHits.push({ finding: f, entry });
      continue;
    }
    failed.push(f);
  }
  return {
    skipped,
    known: knownHits,
    failed,
    staleKnown: known.filter((k) => !usedKnown.has(k)),
    unusedSkips: skips.filter((s) => !usedSkips.has(s)),
  };
}

/** Count per check id, for the summary lines. */
export function countByCheck(findings: readonly Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) m.set(f.check, (m.get(f.check) ?? 0) + 1);
  return m;
}
