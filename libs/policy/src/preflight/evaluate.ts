import { waiverJudge } from "../judge";
import type { CheckResult, PolicyReport } from "../report";
import type { Finding } from "../types";
import { isIsoDate, type Waiver } from "../waivers";
import { buildEnvIndex } from "./env-index";
import { preflightRules } from "./rules";
import type { EnvIndex, Located, PreflightFacts, PreflightRule, PreflightScope, PreflightStackInput } from "./types";

export interface PreflightOptions {
  /** Evaluation date, YYYY-MM-DD (waiver expiry). */
  readonly today: string;
  /** The waivers of each stack (env + deployment level): `PRE-*` rules only read `PRE-*` waivers. */
  readonly waivers?: readonly Waiver[] | ((stack: string) => readonly Waiver[]);
  /** Defaults to every preflight rule. */
  readonly rules?: readonly PreflightRule[];
  /** Only rules of these scopes run. @default both */
  readonly scopes?: readonly PreflightScope[];
  readonly facts?: PreflightFacts;
}

function runCheck(rule: PreflightRule, subject: Located, env: EnvIndex): Finding[] {
  try {
    return rule.check(subject, env);
  } catch (error) {
    return [{ attribute: "(rule)", found: `rule crashed: ${(error as Error).message}`, expected: "the rule to evaluate" }];
  }
}

/** Subjects of a rule in one stack: managed resources of its types, or data sources (`data.<type>`). */
function subjects(rule: PreflightRule, env: EnvIndex, stack: EnvIndex["stacks"][number]): Located[] {
  return rule.resourceTypes.flatMap((type) => {
    const data = type.startsWith("data.");
    const bare = data ? type.slice(5) : type;
    return (bare === "*" ? stack.index.resources : stack.index.ofType(bare))
      .filter((r) => r.mode === (data ? "data" : "managed"))
      .map((resource) => ({ stack, resource }))
      .filter((s) => !rule.appliesTo || rule.appliesTo(s, env));
  });
}

/** Run the preflight rules over the stacks of one env and apply each stack's waivers. Pure. */
export function evaluatePreflight(stacks: readonly PreflightStackInput[], options: PreflightOptions): PolicyReport[] {
  if (!isIsoDate(options.today)) throw new Error(`preflight: today must be a YYYY-MM-DD date, got "${options.today}"`);
  const env = buildEnvIndex(stacks, { today: options.today, ...(options.facts ? { facts: options.facts } : {}) });
  const scopes = options.scopes ?? ["stack", "env"];
  const rules = (options.rules ?? preflightRules).filter((r) => scopes.includes(r.scope));
  const waiversOf = typeof options.waivers === "function" ? options.waivers : () => (options.waivers as readonly Waiver[] | undefined) ?? [];
  return env.stacks.map((stack) => {
    const judge = waiverJudge({ stack: stack.name, today: options.today, waivers: waiversOf(stack.name), index: stack.index });
    const results: CheckResult[] = [];
    for (const rule of rules) {
      for (const subject of subjects(rule, env, stack)) results.push(judge.judge(rule, subject.resource, runCheck(rule, subject, env)));
    }
    return judge.report(results, stack.index.resources.filter((r) => r.mode === "managed").length);
  });
}
