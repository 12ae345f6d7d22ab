import { type EnvConfig, type ResolvedEnv, type RootConfig, type WorkloadRegistry, resolveEnv } from "@infra/config";
import { type ComposedEnv, composeEnv } from "@infra/core";
import { type PolicyReport, attachPolicyPack } from "@infra/policy";
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

export interface SynthEnvOptions {
  readonly root: RootConfig;
  readonly workloads: WorkloadRegistry;
  /** Where cdktf writes. */
  readonly outdir: string;
  /** The synth-time policy pack. @default enforce */
  readonly policy?: PolicyOptions;
}

export interface SynthesizedEnv extends ComposedEnv {
  readonly app: App;
  readonly resolved: ResolvedEnv;
}

/**
 * Resolve an env (throws ConfigError before any construct exists), build its stacks into a new App,
 * and attach the policy pack to every stack with the env's and the deployment's waivers.
 */
export function buildEnv(env: EnvConfig, options: SynthEnvOptions): SynthesizedEnv {
  const resolved = resolveEnv(options.root, env, options.workloads, { builders: Object.keys(BUILDERS) });
  const app = new App({ outdir: options.outdir });
  const composed = composeEnv(app, resolved, BUILDERS);
  const policy = options.policy ?? { mode: "enforce" };
  const today = policy.today ?? new Date().toISOString().slice(0, 10);
  for (const deployment of resolved.deployments) {
    attachPolicyPack(composed.stacks.get(deployment.id)!, {
      waivers: [...resolved.waivers, ...deployment.waivers].map((w) => ({ ...w })),
      today,
      mode: policy.mode,
      ...(policy.onReport ? { onReport: policy.onReport } : {}),
    });
  }
  return { app, resolved, ...composed };
}
