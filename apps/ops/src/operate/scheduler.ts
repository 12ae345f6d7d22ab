/**
 * Runs a set of stacks with bounded concurrency in dependency order: a stack starts as soon as every
 * stack it waits for has succeeded, and never before (so each dependency level runs in parallel).
 * A failure never stops the run: the failed stack's dependents (transitively) are skipped with the
 * reason, everything else carries on, and the caller reports all of it at the end.
 */

export type Outcome<R> =
  { readonly status: "done"; readonly result: R } | { readonly status: "failed"; readonly result: R } | { readonly status: "skipped"; readonly reason: string };

export interface ScheduleOptions<R> {
  /** Stacks in a valid order (deploy order, or reverse for destroy); ties start in this order. */
  readonly order: readonly string[];
  /** Stack → stacks that must succeed first (only stacks of `order` count). */
  readonly waitsFor: ReadonlyMap<string, readonly string[]>;
  /** How many stacks run at once. */
  readonly parallelism: number;
  /** Runs one stack; `ok: false` fails it (its dependents are skipped). Must not throw. */
  readonly run: (stack: string) => Promise<{ readonly ok: boolean; readonly result: R }>;
  /** Decides, just before a stack would start, that it must not run (e.g. its plan went stale). */
  readonly precheck?: (stack: string, outcomes: ReadonlyMap<string, Outcome<R>>) => string | undefined;
  readonly onStart?: (stack: string) => void;
  readonly onFinish?: (stack: string, outcome: Outcome<R>) => void;
}

export async function schedule<R>(options: ScheduleOptions<R>): Promise<Map<string, Outcome<R>>> {
  const { order, parallelism } = options;
  if (!Number.isInteger(parallelism) || parallelism < 1) throw new Error(`parallelism must be a positive integer, got ${parallelism}`);
  const inRun = new Set(order);
  const waits = new Map(order.map((s) => [s, (options.waitsFor.get(s) ?? []).filter((d) => inRun.has(d) && d !== s)]));
  const outcomes = new Map<string, Outcome<R>>();
  const pending = [...order];
  const running = new Map<string, Promise<void>>();

  const finish = (stack: string, outcome: Outcome<R>) => {
    outcomes.set(stack, outcome);
    options.onFinish?.(stack, outcome);
  };

  for (;;) {
    // Skip whatever can no longer run, then start what is ready, in order, up to the limit.
    let progressed = true;
    while (progressed) {
      progressed = false;
      for (const stack of [...pending]) {
        const blocked = waits.get(stack)!.find((d) => outcomes.has(d) && outcomes.get(d)!.status !== "done");
        if (blocked) {
          const o = outcomes.get(blocked)!;
          pending.splice(pending.indexOf(stack), 1);
          finish(stack, { status: "skipped", reason: `${o.status === "failed" ? "failed" : "skipped"} dependency ${blocked}` });
          progressed = true;
          continue;
        }
        if (running.size >= parallelism) continue;
        if (!waits.get(stack)!.every((d) => outcomes.get(d)?.status === "done")) continue;
        pending.splice(pending.indexOf(stack), 1);
        const refused = options.precheck?.(stack, outcomes);
        if (refused) {
          finish(stack, { status: "skipped", reason: refused });
          progressed = true;
          continue;
        }
        options.onStart?.(stack);
        const job = options.run(stack).then(
          ({ ok, result }) => finish(stack, ok ? { status: "done", result } : { status: "failed", result }),
          (error: unknown) => finish(stack, { status: "skipped", reason: `internal error: ${(error as Error).message}` }),
        );
        running.set(
          stack,
          job.finally(() => running.delete(stack)),
        );
        progressed = true;
      }
    }
    if (!running.size) break;
    await Promise.race(running.values());
  }
  for (const stack of pending) finish(stack, { status: "skipped", reason: "never became ready (dependency cycle?)" });
  return outcomes;
}
