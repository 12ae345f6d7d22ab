import { ConfigError, DeploymentBuildError, type ResolvedDeployment, type ResolvedEnv } from "@infra/config";
import type { App } from "cdktf";
import { unmetAccountRequirements } from "./account-requirements";
import type { BuilderRegistry, BuiltEnv, StackBuilder } from "./builder";
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
  const byId = new Map(env.deployments.map((d) => [d.id, d]));
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
    const result = asConfigError(deployment, () =>
      build(stack, deployment.inputs, {
        env,
        deployment,
        settings: deployment.settings,
        dependency<T>(name: string): T {
          return outputs.get(dependencyId(deployment, name)) as T;
        },
        dependencyOn<B extends StackBuilder>(name: string, builder: B): ReturnType<B> {
          const id = dependencyId(deployment, name);
          const target = byId.get(id)!;
          if (builders[target.builder] !== builder) {
            const expected = Object.keys(builders).filter((key) => builders[key] === builder);
            throw new Error(
              `its builder reads dependency "${name}" as the outputs of ${expected.join(" | ") || "an unregistered builder"}, but ${id} is built by ${target.builder}; name a module built by ${expected.join(" | ") || "it"} in dependencies.${name}`,
            );
          }
          return outputs.get(id) as ReturnType<B>;
        },
        afterEnvBuilt(callback) {
          afterBuilt.push(callback);
        },
      }),
    );
    stacks.set(deployment.id, stack);
    outputs.set(deployment.id, result);
  }
  for (const callback of afterBuilt) callback({ stacks });
  const unmet = unmetAccountRequirements(app);
  if (unmet.length > 0) throw new Error(`${env.name}: account prerequisites nobody creates:\n  - ${unmet.join("\n  - ")}`);
  return { stacks, outputs };
}

/** The deployment id behind one of a deployment's dependency names. */
function dependencyId(deployment: ResolvedDeployment, name: string): string {
  const id = deployment.dependencies[name];
  if (id === undefined) {
    const known = Object.keys(deployment.dependencies);
    throw new Error(
      `its builder needs a dependency named "${name}", which the deployment does not declare (it has: ${known.length ? known.join(", ") : "none"}); declare it, or change the input that needs it`,
    );
  }
  return id;
}

/**
 * A construct's constraint error while building a deployment, as a config error naming its file.
 * Bugs pass through with their trace: JavaScript's own errors (TypeError, ...) and non-Errors.
 */
function asConfigError<T>(deployment: ResolvedDeployment, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof ConfigError || !(error instanceof Error) || error.constructor !== Error) throw error;
    throw new DeploymentBuildError(deployment.declaredIn, deployment.id, deployment.builder, error.message);
  }
}
