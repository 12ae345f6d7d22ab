/**
 * Transition rules: what happens when an env moves from one config to the next (a workload's phase,
 * a region added or removed). They compare two synths of the same env: a stack that disappears
 * leaves its resources and state behind; a resource that reappears under another address is
 * destroyed and created again, racing its own old copy.
 */
import { waiverJudge } from "../judge";
import type { PolicyReport } from "../report";
import { buildIndex } from "../stack-index";
import type { Finding, Severity, SynthResource } from "../types";
import type { Waiver } from "../waivers";
import { buildEnvIndex } from "./env-index";
import type { EnvIndex, PreflightStackInput } from "./types";

export interface TransitionFinding {
  readonly stack: string;
  /** The subject: a resource address of the later config, or `stack` for a whole stack. */
  readonly resource: SynthResource;
  readonly findings: Finding[];
}

export interface TransitionRule {
  readonly id: string;
  readonly title: string;
  readonly consequence: string;
  readonly severity: Severity;
  readonly defects: readonly number[];
  check(before: EnvIndex, after: EnvIndex): TransitionFinding[];
}

/** The pseudo-resource a whole-stack finding is reported on (waiver address `<stack>/stack`). */
export function stackSubject(stack: string): SynthResource {
  return { type: "stack", name: stack, address: "stack", mode: "managed", values: {} };
}

export interface TransitionOptions {
  readonly today: string;
  readonly waivers?: readonly Waiver[] | ((stack: string) => readonly Waiver[]);
  readonly rules: readonly TransitionRule[];
}

/** Run transition rules over two synths of one env; one report per stack of either synth that has a result. */
export function evaluateTransition(before: readonly PreflightStackInput[], after: readonly PreflightStackInput[], options: TransitionOptions): PolicyReport[] {
  const b = buildEnvIndex(before, { today: options.today });
  const a = buildEnvIndex(after, { today: options.today });
  const waiversOf = typeof options.waivers === "function" ? options.waivers : () => (options.waivers as readonly Waiver[] | undefined) ?? [];
  const byStack = new Map<string, { rule: TransitionRule; f: TransitionFinding }[]>();
  for (const rule of options.rules) for (const f of rule.check(b, a)) byStack.set(f.stack, [...(byStack.get(f.stack) ?? []), { rule, f }]);
  return [...byStack.entries()].map(([stack, list]) => {
    const json = (after.find((s) => s.name === stack) ?? before.find((s) => s.name === stack))!.json;
    const index = buildIndex(json, options.today);
    const judge = waiverJudge({ stack, today: options.today, waivers: waiversOf(stack), index });
    return judge.report(
      list.map(({ rule, f }) => judge.judge(rule, f.resource, f.findings)),
      0,
    );
  });
}
