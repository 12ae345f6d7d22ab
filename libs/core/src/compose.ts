import type { ResolvedEnv } from "@infra/config";
import type { App } from "cdktf";
import { unmetAccountRequirements } from "./account-requirements";
import type { BuilderRegistry, BuiltEnv } from "./builder";
import { DeploymentStack } from "./deployment-stack";

export interface ComposedEnv {
  readonly stacks: ReadonlyMap<string, DeploymentStack>;
  readonly outputs: ReadonlyMap<string, unknown>;
}

/**
 * Create one stack per deployment, in deploy order, wiring dependency outputs into dependents; then
 * run the `afterEnvBuilt` callbacks, and fail if a construct needs an account prerequisite (a
 * service-linked role) that no deployment creates.
 */
export function composeEnv(app: App, env: ResolvedEnv, builders: BuilderRegistry): ComposedEnv {
  const stacks = new Map<string, DeploymentStack>();
  const outputs = new Map<string, unknown>();
  const afterBuilt: ((env: BuiltEnv) => void)[] = [];
  for (const deployment of env.deployments) {
    const build = builders[deployment.builder];
    if (!build) {
      throw new Error(
        `deployment ${deployment.id} names builder "${deployment.builder}", which no workload registers; known: ${Object.keys(builders).sort().join(", ")}`,
      );
    }
    const stack = new DeploymentStack(app, deployment, { terraformVersion: env.terraformVersion });
    for (const depId of Object.values(deployment.dependencies)) {
      stack.addDependency(stacks.get(depId)!);
    }
    const result = build(stack, deployment.inputs, {
      env,
      deployment,
      settings: deployment.settings,
      dependency<T>(name: string): T {
        const id = deployment.dependencies[name];
        if (id === undefined) throw new Error(`deployment ${deployment.id} has no dependency named "${name}"`);
        return outputs.get(id) as T;
      },
      afterEnvBuilt(callback) {
        afterBuilt.push(callback);
      },
    });
    stacks.set(deployment.id, stack);
    outputs.set(deployment.id, result);
  }
  for (const callback of afterBuilt) callback({ stacks });
  const unmet = unmetAccountRequirements(app);
  if (unmet.length > 0) throw new Error(`${env.name}: account prerequisites nobody creates:\n  - ${unmet.join("\n  - ")}`);
  return { stacks, outputs };
}
