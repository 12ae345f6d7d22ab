import { type EnvConfig, type Prerequisite, type ResolvedEnv, type RootConfig, type WorkloadRegistry, resolveEnv } from "@infra/config";
import { type ComposedEnv, composeEnv, declaredPrerequisites } from "@infra/core";
import {
  type DeclaredPrerequisite,
  type PolicyReport,
  type PreflightFacts,
  type PreflightMode,
  PREFLIGHT_PREFIX,
  attachEnvPreflight,
  attachPolicyPack,
  attachStackPreflight,
} from "@infra/policy";
import { App } from "cdktf";
import { BUILDERS } from "./builders";

export interface PolicyOptions {
  /** `enforce`: a violation fails synth. `report`: violations become warnings (the policy report). */
  readonly mode: "enforce" | "report";
  /** Evaluation date for waiver expiry, YYYY-MM-DD. @default today (UTC) */
  readonly today?: string;
  /** Receives each stack's report. */
  readonly onReport?: (report: PolicyReport) => void;
}

export interface PreflightSynthOptions {
  /** `enforce`: an unwaived finding fails synth. `report`: findings are only reported. @default root config `preflight.mode`, else enforce */
  readonly mode?: PreflightMode;
  /** Evaluation date for waiver expiry, YYYY-MM-DD. @default the policy pack's date */
  readonly today?: string;
  /** Receives each stack's preflight report (every rule, stack and env scope), once per env after synth. */
  readonly onReport?: (report: PolicyReport) => void;
}

export interface SynthEnvOptions {
  readonly root: RootConfig;
  readonly workloads: WorkloadRegistry;
  /** Where cdktf writes. */
  readonly outdir: string;
  /** The synth-time policy pack. @default enforce */
  readonly policy?: PolicyOptions;
  /** The preflight rule family (docs/preflight.md). @default the root config's mode */
  readonly preflight?: PreflightSynthOptions;
}

export interface SynthesizedEnv extends ComposedEnv {
  readonly app: App;
  readonly resolved: ResolvedEnv;
}

/**
 * Resolve an env (throws ConfigError before any construct exists), build its stacks into a new App,
 * and attach the policy pack to every stack with the env's and the deployment's waivers, and the
 * preflight family: its stack rules to every stack, its env rules to the App (they run once, after
 * every stack is synthesized).
 */
export function buildEnv(env: EnvConfig, options: SynthEnvOptions): SynthesizedEnv {
  const resolved = resolveEnv(options.root, env, options.workloads, { builders: Object.keys(BUILDERS) });
  const app = new App({ outdir: options.outdir });
  const composed = composeEnv(app, resolved, BUILDERS);
  const policy = options.policy ?? { mode: "enforce" };
  const today = policy.today ?? new Date().toISOString().slice(0, 10);
  // One waiver list per env: INF-* waivers go to the policy pack, PRE-* ones to the preflight family.
  const isPreflight = (w: { rule: string }) => w.rule.startsWith(PREFLIGHT_PREFIX);
  const waiversOf = new Map(resolved.deployments.map((d) => [d.stackName, [...resolved.waivers, ...d.waivers].map((w) => ({ ...w }))]));
  for (const deployment of resolved.deployments) {
    attachPolicyPack(composed.stacks.get(deployment.id)!, {
      waivers: waiversOf.get(deployment.stackName)!.filter((w) => !isPreflight(w)),
      today,
      mode: policy.mode,
      ...(policy.onReport ? { onReport: policy.onReport } : {}),
    });
  }
  const preflight = options.preflight ?? {};
  const preflightOptions = {
    waivers: (stack: string) => (waiversOf.get(stack) ?? []).filter(isPreflight),
    today: preflight.today ?? today,
    mode: preflight.mode ?? options.root.preflight?.mode ?? "enforce",
    // Read when the rules run: by then every construct has declared its prerequisites.
    facts: () => preflightFacts(env, declaredPrerequisites(app)),
    ...(preflight.onReport ? { onReport: preflight.onReport } : {}),
  };
  for (const deployment of resolved.deployments) attachStackPreflight(composed.stacks.get(deployment.id)!, preflightOptions);
  const stackNames = new Map(resolved.deployments.map((d) => [d.id, d.stackName]));
  attachEnvPreflight(
    app,
    () => resolved.deployments.map((d) => ({ stack: composed.stacks.get(d.id)!, dependsOn: Object.values(d.dependencies).map((id) => stackNames.get(id)!) })),
    preflightOptions,
  );
  return { app, resolved, ...composed };
}

/**
 * What the preflight rules need beyond the Terraform JSON: the env config's quotas, and the
 * fresh-account prerequisites `infra preflight` checks: the env config's and those the constructs
 * of the app declared (`declared`, libs/core declaredPrerequisites: what no stack provides).
 */
export function preflightFacts(env: EnvConfig, declared: readonly Prerequisite[] = []): PreflightFacts {
  const lambdaConcurrency: Record<string, number> = {};
  for (const r of env.regions) if (r.quotas?.lambdaConcurrentExecutions !== undefined) lambdaConcurrency[r.region] = r.quotas.lambdaConcurrentExecutions;
  const fromConstructs = (p: Prerequisite, name: string): DeclaredPrerequisite => ({
    name,
    // Constructs outside a deployment stack (construct tests) know no account.
    ...(p.accountId !== "unknown" ? { account: p.accountId } : {}),
    declaredBy: p.declaredBy.join(", "),
  });
  const secrets: DeclaredPrerequisite[] = (env.prerequisites?.secrets ?? []).map((s) => ({ name: s.name, declaredBy: env.source }));
  const zones: DeclaredPrerequisite[] = (env.prerequisites?.zones ?? []).map((z) => ({ name: z.name, declaredBy: env.source }));
  for (const p of declared) {
    if (p.requirement.kind === "secret-value") secrets.push(fromConstructs(p, p.requirement.secret));
    if (p.requirement.kind === "zone-delegation") zones.push(fromConstructs(p, p.requirement.zone));
  }
  return { lambdaConcurrency, prerequisites: { secrets, zones } };
}
