import type { EnvSettings, ResolvedDeployment, ResolvedEnv } from "@infra/config";
import type { DeploymentStack } from "./deployment-stack";

export interface BuildContext {
  readonly env: ResolvedEnv;
  readonly deployment: ResolvedDeployment;
  readonly settings: EnvSettings;
  /**
   * The outputs of a dependency (Terragrunt's `dependency` block). Tokens in them become
   * cross-stack references: remote state over the same S3 backend.
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
