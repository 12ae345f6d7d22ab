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
}

/**
 * Builds one deployment's resources into its stack and returns what dependent deployments may use.
 * `inputs` are the module's merged, validated inputs.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StackBuilder<I = any, O = unknown> = (stack: DeploymentStack, inputs: I, ctx: BuildContext) => O;

export type BuilderRegistry = Readonly<Record<string, StackBuilder>>;
