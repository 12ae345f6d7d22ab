import type { EnvSettings, ResolvedDeployment, ResolvedEnv } from "@infra/config";
import type { DeploymentStack } from "./deployment-stack";

export interface BuildContext {
  readonly env: ResolvedEnv;
  readonly deployment: ResolvedDeployment;
  readonly settings: EnvSettings;
  /**
   * The outputs of a dependency (Terragrunt's `dependency` block), typed by the builder of the module
   * it names: `ctx.dependencyOn("vpc", buildVpc)` is what `buildVpc` returns, and fails (naming both
   * builder keys) when the deployment's "vpc" dependency is a module built by anything else. Tokens in
   * the outputs become cross-stack references: remote state over the same S3 backend.
   */
  dependencyOn<B extends StackBuilder>(name: string, builder: B): ReturnType<B>;
  /**
   * The outputs of a dependency, as the caller asserts them to be: only for a structural read where
   * the dependency may be a module of any workload (a parent zone: `{ zoneRef?: ZoneRef }`). Anything
   * else reads through `dependencyOn` (ADR 0120).
   */
  dependency<T>(name: string): T;
  /**
   * Run `callback` once every deployment of the env is built (callbacks in registration order),
   * for a stack whose content follows from the others': the account foundation creates the
   * service-linked roles and account settings the env's resources need. Resources added here are
   * synthesized and checked like any other.
   */
  afterEnvBuilt(callback: (env: BuiltEnv) => void): void;
}

/** The whole env, once built: every deployment's stack, by deployment id. */
export interface BuiltEnv {
  readonly stacks: ReadonlyMap<string, DeploymentStack>;
}

/**
 * Builds one deployment's resources into its stack and returns what dependent deployments may use.
 * `inputs` are the module's merged, validated inputs.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StackBuilder<I = any, O = unknown> = (stack: DeploymentStack, inputs: I, ctx: BuildContext) => O;

export type BuilderRegistry = Readonly<Record<string, StackBuilder>>;
