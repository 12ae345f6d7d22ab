/** "Did you mean …?" for command-line mistakes: the closest candidate, or none when nothing is close. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  if (!input) return undefined;
  const lower = input.toLowerCase();
  // A unique candidate that ends with or contains the input: `--stack network-vpc` → `dev-us-east-1-network-vpc`.
  // Several hits: the shortest, if it is the only one that short (the platform's stack over a workload's).
  for (const test of [(c: string) => c.toLowerCase().endsWith(`-${lower}`), (c: string) => c.toLowerCase().includes(lower)]) {
    const hits = candidates.filter(test).sort((a, b) => a.length - b.length);
    if (hits.length === 1 || (hits.length > 1 && hits[0]!.length < hits[1]!.length)) return hits[0];
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}

/** `; did you mean "x"?` or "" — ready to append to an error message. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const hit = closest(input, candidates);
  return hit ? `; did you mean ${JSON.stringify(hit)}?` : "";
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}
