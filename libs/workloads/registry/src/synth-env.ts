import { type EnvConfig, type ResolvedEnv, type RootConfig, type WorkloadRegistry, resolveEnv } from "@infra/config";
import { type ComposedEnv, composeEnv } from "@infra/core";
import { App } from "cdktf";
import { BUILDERS } from "./builders";

export interface SynthEnvOptions {
  readonly root: RootConfig;
  readonly workloads: WorkloadRegistry;
  /** Where cdktf writes. */
  readonly outdir: string;
}

export interface SynthesizedEnv extends ComposedEnv {
  readonly app: App;
  readonly resolved: ResolvedEnv;
}

/** Resolve an env (throws ConfigError before any construct exists) and build its stacks into a new App. */
export function buildEnv(env: EnvConfig, options: SynthEnvOptions): SynthesizedEnv {
  const resolved = resolveEnv(options.root, env, options.workloads);
  const app = new App({ outdir: options.outdir });
  const composed = composeEnv(app, resolved, BUILDERS);
  return { app, resolved, ...composed };
}
