import type { Finding } from "./findings";
import { type Known, matchesResource, type Skip } from "./policy-files";

/** Our pack's waiver (env config, with its reason) of a rule that mirrors the failed check, on the same resource. */
export interface PackWaiver {
  readonly rule: string;
  readonly reason: string;
  readonly level?: string;
}

export interface Classified {
  /** A decided trade-off already written in env config: our pack waives its mirroring rule on this resource. */
  readonly waived: readonly { readonly finding: Finding; readonly waiver: PackWaiver }[];
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

/**
 * Sort every finding: waived by our pack on that resource, else a skip (check-level or per resource),
 * else the known-defects baseline, else a new failure.
 */
export function classify(
  findings: readonly Finding[],
  skips: readonly Skip[],
  known: readonly Known[],
  packWaiver: (f: Finding) => PackWaiver | undefined = () => undefined,
): Classified {
  const waived: { finding: Finding; waiver: PackWaiver }[] = [];
  const skipped: { finding: Finding; skip: Skip }[] = [];
  const knownHits: { finding: Finding; entry: Known }[] = [];
  const failed: Finding[] = [];
  const usedSkips = new Set<Skip>();
  const usedKnown = new Set<Known>();
  for (const f of findings) {
    const waiver = packWaiver(f);
    if (waiver) {
      waived.push({ finding: f, waiver });
      continue;
    }
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
    waived,
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
