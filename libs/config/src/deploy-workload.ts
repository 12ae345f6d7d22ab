import { type DeploymentConfig, type ModuleDefinition, deploy, deploymentsFrom } from "./define";
import { type ConfigIssue, ConfigError, issue } from "./errors";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyModule = ModuleDefinition<any, any>;
type InputsOf<D> = D extends ModuleDefinition<infer I, infer _W> ? I : never;

/** A workload's modules by name, in deployment order (e.g. `platformModules` of environments/_envcommon). */
export type WorkloadModules = Readonly<Record<string, AnyModule>>;

/** Per-module overrides of one region's deployments: what `deploy(module, overrides)` takes, by module name. */
export type WorkloadOverrides<M extends WorkloadModules> = {
  readonly [K in keyof M]?: Omit<DeploymentConfig<InputsOf<M[K]>>, "definition">;
};

export interface DeployWorkloadOptions<M extends WorkloadModules> {
  /** Modules this region leaves out (a DR region without the edge, an env without peering). @default none */
  readonly except?: readonly (keyof M & string)[];
  /** Overrides of the deployed modules, by module name. @default none */
  readonly overrides?: WorkloadOverrides<M>;
}

/**
 * The whole workload in one region: every module of `modules` in its order, minus `except`, each with
 * its overrides, stamped with the declaring file (as `deploymentsFrom`). An env file then states only
 * what differs from the workload's defaults:
 *
 * @example
 * export const platformDeployments = deployWorkload("environments/staging/us-east-1/platform.ts", platformModules, {
 *   except: ["vpcPeering"],
 *   overrides: { rds: { inputs: { instanceClass: "db.t3.small" } } },
 * });
 */
export function deployWorkload<M extends WorkloadModules>(source: string, modules: M, options: DeployWorkloadOptions<M> = {}): DeploymentConfig[] {
  const except: readonly string[] = options.except ?? [];
  const overrides: Readonly<Record<string, Omit<DeploymentConfig, "definition"> | undefined>> = options.overrides ?? {};
  const names = Object.keys(modules);
  const allowed = `a module of the workload: ${names.join(", ")}`;
  const issues: ConfigIssue[] = [
    ...except.flatMap((name, i) => (names.includes(name) ? [] : [issue(source, `except[${i}]`, name, allowed)])),
    ...Object.keys(overrides).flatMap((name) => {
      if (!names.includes(name)) return [issue(source, `overrides.${name}`, name, allowed)];
      if (except.includes(name))
        return [issue(source, `overrides.${name}`, name, "a deployed module: this one is listed in except (deploy it or drop its overrides)")];
      return [];
    }),
  ];
  if (issues.length > 0) throw new ConfigError(issues);
  return deploymentsFrom(
    source,
    names.filter((name) => !except.includes(name)).map((name) => deploy(modules[name]!, overrides[name] ?? {})),
  );
}
