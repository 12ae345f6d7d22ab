import type { PlanCounts } from "./plans";

/** One stack's line in the end-of-run summary. */
export interface StackResult {
  readonly stack: string;
  /** What happened, in one word: planned, applied, destroyed, no changes, drift, failed, skipped, stale. */
  readonly result: string;
  readonly ok: boolean;
  readonly counts?: PlanCounts;
  readonly seconds?: number;
  /** Why it failed or was skipped, or where its log is. */
  readonly note?: string;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
}

/**
 * Progress of a long run on stderr, one line per event, so it reads the same in a terminal and in
 * a CI log: `[12/86 done, 4 running, 70 left, 1m03s] ✓ prod-us-east-1-data-rds +2 ~0 -0 (14.2s)`.
 */
export class Progress {
  private done = 0;
  private running = 0;
  private readonly started = Date.now();

  constructor(
    private readonly total: number,
    private readonly write: (line: string) => void,
    private readonly verb: string,
    private readonly clock: () => number = Date.now,
  ) {}

  private prefix(): string {
    const left = this.total - this.done - this.running;
    return `[${this.done}/${this.total} done, ${this.running} running, ${left} left, ${formatDuration(this.clock() - this.started)}]`;
  }

  start(stack: string): void {
    this.running++;
    this.write(`${this.prefix()} ${this.verb} ${stack} …\n`);
  }

  finish(r: StackResult, wasRunning: boolean): void {
    if (wasRunning) this.running--;
    this.done++;
    const mark = r.ok ? "✓" : r.result === "skipped" || r.result === "stale" ? "-" : "✗";
    const counts = r.counts ? ` ${countsText(r.counts)}` : "";
    const time = r.seconds !== undefined ? ` (${r.seconds.toFixed(1)}s)` : "";
    this.write(`${this.prefix()} ${mark} ${r.stack} ${r.result}${counts}${time}${r.note && !r.ok ? `: ${r.note}` : ""}\n`);
  }
}

export function countsText(c: PlanCounts): string {
  return `+${c.add} ~${c.change} -${c.destroy}`;
}

/** The end-of-run table: stack, result, add, change, destroy, time — every stack, failures included. */
export function summaryTable(results: readonly StackResult[], totalMs: number): string {
  const rows = results.map((r) => [
    r.stack,
    r.result,
    r.counts ? String(r.counts.add) : "",
    r.counts ? String(r.counts.change) : "",
    r.counts ? String(r.counts.destroy) : "",
    r.seconds !== undefined ? `${r.seconds.toFixed(1)}s` : "",
  ]);
  const head = ["stack", "result", "add", "change", "destroy", "time"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const by = (pred: (r: StackResult) => boolean) => results.filter(pred).length;
  const notes = results.filter((r) => r.note && !r.ok).map((r) => `  ${r.stack}: ${r.note}`);
  return [
    line(head),
    ...rows.map(line),
    "",
    `${results.length} stacks in ${formatDuration(totalMs)}: ${by((r) => r.ok)} ok, ${by((r) => r.result === "failed")} failed, ${by((r) => r.result === "skipped" || r.result === "stale")} skipped` +
      (by((r) => r.counts?.hasChanges === true) ? `, ${by((r) => r.counts?.hasChanges === true)} with changes` : ""),
    ...(notes.length ? ["", ...notes] : []),
    "",
  ].join("\n");
}
