import { Annotations, type App, type TerraformStack } from "cdktf";
import { formatViolation } from "../format";
import type { PolicyReport } from "../report";
import type { TerraformJson } from "../types";
import { describeWaiver, type Waiver } from "../waivers";
import { evaluatePreflight } from "./evaluate";
import type { PreflightFacts, PreflightRule } from "./types";

/** `enforce`: a finding fails synth. `report`: findings are reported (and warned), synth goes on. */
export type PreflightMode = "enforce" | "report";

export interface PreflightPackOptions {
  /** The waivers of one stack (env + deployment level); only `PRE-*` rules read them. */
  readonly waivers: (stack: string) => readonly Waiver[];
  /** Evaluation date, YYYY-MM-DD (inject it: synth stays deterministic). */
  readonly today: string;
  /** @default enforce */
  readonly mode?: PreflightMode;
  /** Receives one report per stack, with every preflight result (stack and env scope), once per env. */
  readonly onReport?: (report: PolicyReport) => void;
  /**
   * Facts about the env beyond its Terraform JSON, or a function giving them when the rules run
   * (after every construct exists: prerequisites constructs declare while they are built). @default none
   */
  readonly facts?: PreflightFacts | (() => PreflightFacts);
  /** Defaults to every preflight rule. */
  readonly rules?: readonly PreflightRule[];
}

/** A stack of the env, in deploy order, with the names of the stacks it depends on. */
export interface EnvStack {
  readonly stack: TerraformStack;
  readonly dependsOn: readonly string[];
}

const factsOf = (options: PreflightPackOptions): { facts?: PreflightFacts } =>
  options.facts === undefined ? {} : { facts: typeof options.facts === "function" ? options.facts() : options.facts };

function messages(reports: readonly PolicyReport[]): string[] {
  return reports.flatMap((r) => [
    ...r.results.filter((x) => x.status === "failed").map((x) => `preflight violation\n${formatViolation(x)}`),
    ...r.invalidWaivers.map((i) => `invalid waiver ${describeWaiver(i.waiver)}: ${i.problems.join("; ")}`),
  ]);
}

/**
 * The stack-scope rules on one stack, as a construct validation (same moment as the policy pack:
 * after aspects and cross-stack wiring). It only enforces (or warns); the env-level validation
 * below reports every result once.
 */
export function attachStackPreflight(stack: TerraformStack, options: PreflightPackOptions): void {
  stack.node.addValidation({
    validate: () => {
      const reports = evaluatePreflight([{ name: stack.node.id, json: stack.toTerraform() as TerraformJson }], {
        today: options.today,
        waivers: options.waivers,
        scopes: ["stack"],
        ...factsOf(options),
        ...(options.rules ? { rules: options.rules } : {}),
      });
      const found = messages(reports);
      if (options.mode === "report") {
        for (const m of found) Annotations.of(stack).addWarning(m);
        return [];
      }
      return found;
    },
  });
}

/**
 * Every rule over every stack of the env, as an App-level validation: cdktf runs it once, after
 * every stack has been synthesized (App.synth → stacks → app.node.validate()), so env-scope rules
 * see the key in one stack and its users in the others. In enforce mode its failures fail synth
 * ("App-level validation failed"); in either mode each stack's report goes to `onReport`.
 */
export function attachEnvPreflight(app: App, stacks: () => readonly EnvStack[], options: PreflightPackOptions): void {
  app.node.addValidation({
    validate: () => {
      const reports = evaluatePreflight(
        stacks().map(({ stack, dependsOn }) => ({ name: stack.node.id, json: stack.toTerraform() as TerraformJson, dependsOn })),
        { today: options.today, waivers: options.waivers, ...factsOf(options), ...(options.rules ? { rules: options.rules } : {}) },
      );
      for (const r of reports) options.onReport?.(r);
      return options.mode === "report" ? [] : messages(reports);
    },
  });
}
