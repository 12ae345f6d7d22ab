/** Shares a character budget between texts: short texts keep everything, long ones share the rest. */
export function shareBudget(lengths: readonly number[], budget: number): number[] {
  const order = lengths.map((length, index) => ({ length, index })).sort((a, b) => a.length - b.length);
  const shares = new Array<number>(lengths.length).fill(0);
  let left = Math.max(0, budget);
  order.forEach(({ length, index }, position) => {
    const fair = Math.floor(left / (order.length - position));
    shares[index] = Math.min(length, fair);
    left -= shares[index]!;
  });
  return shares;
}

/** Cuts `text` to at most `max` characters, ending with a note saying how much was left out. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = (kept: number) => `\n… truncated: ${text.length - kept} of ${text.length} characters not shown`;
  let kept = Math.max(0, max - note(0).length - 2);
  while (kept > 0 && kept + note(kept).length > max) kept--;
  const cut = text.slice(0, kept);
  // Cut at a line end when one is near, so the last line shown is whole.
  const lineEnd = cut.lastIndexOf("\n");
  const body = lineEnd > kept * 0.8 ? cut.slice(0, lineEnd) : cut;
  return `${body}${note(body.length)}`.slice(0, Math.max(0, max));
}

/** A code fence longer than any run of backticks inside `text`, so the text cannot close it. */
export function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}
