import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import {
  ConfigError,
  type DeploymentConfig,
  type EnvConfig,
  type RegionConfig,
  type EnvSettings,
  type DeepPartial,
  resolveEnv,
  validateEnvSet,
} from "@infra/config";
import { BUILDERS } from "@infra/workloads";
import { ENVS } from "../envs";

/**
 * Config variants for the bad-config suite: each is a REAL env config from `apps/ops/src/envs.ts`
 * with one mutation, made by spreading (never by copying a config). Pure data: no cdktf.
 */

export const env = (name: string): EnvConfig => ENVS.find((e) => e.name === name)!;
/** The committed envs, as the cases start from them. */
export const dev = () => env("dev");
export const staging = () => env("staging");
export const uat = () => env("uat");
export const prod = () => env("prod");

/** The files of one env that a ConfigError names as the `level` of an issue (its us-east-1 region unless said otherwise). */
function filesOf(name: string) {
  const region = (r: string) => `environments/${name}/${r}`;
  return {
    env: `environments/${name}/env.ts`,
    region: `${region("us-east-1")}/region.ts`,
    account: `${region("us-east-1")}/account.ts`,
    platform: `${region("us-east-1")}/platform.ts`,
    timeline: `${region("us-east-1")}/timeline.ts`,
    milequest: `${region("us-east-1")}/milequest.ts`,
    atlas: `${region("us-east-1")}/atlas.ts`,
    aerologue: `${region("us-east-1")}/aerologue.ts`,
    /** Another region's file, e.g. `in("eu-west-1", "region.ts")`. */
    in: (r: string, file: string) => `${region(r)}/${file}`,
  };
}

/** `FILES.dev.platform` is environments/dev/us-east-1/platform.ts: every case names its level through this one table. */
export const FILES = { dev: filesOf("dev"), staging: filesOf("staging"), uat: filesOf("uat"), prod: filesOf("prod") } as const;

/** What the suite expects one issue of the ConfigError to say. `allowed` is a substring. */
export interface ExpectedIssue {
  readonly level: string;
  readonly path: string;
  readonly value: string;
  readonly allowed: string;
}

export interface BadConfigCase {
  readonly name: string;
  /** The mutated env, or a set of envs (cross-env checks such as distinct accounts). */
  readonly variant: () => EnvConfig | readonly EnvConfig[];
  readonly expect: ExpectedIssue;
}

/** Replace top-level fields of an env. */
export function withEnv(base: EnvConfig, patch: Partial<EnvConfig>): EnvConfig {
  return { ...base, ...patch };
}

/** Override env-level settings (merged over root.ts like any env.ts). */
export function withSettings(base: EnvConfig, settings: DeepPartial<EnvSettings> | Record<string, unknown>): EnvConfig {
  return { ...base, settings: { ...base.settings, ...(settings as DeepPartial<EnvSettings>) } };
}

/** Override one workload's env-level config. */
export function withWorkload(base: EnvConfig, workload: string, patch: Record<string, unknown>): EnvConfig {
  return { ...base, workloads: { ...base.workloads, [workload]: { ...(base.workloads[workload] as object), ...patch } } };
}

/** Replace fields of one region of an env. */
export function withRegion(base: EnvConfig, region: string, patch: Partial<RegionConfig> | ((r: RegionConfig) => Partial<RegionConfig>)): EnvConfig {
  const found = base.regions.some((r) => r.region === region);
  if (!found) throw new Error(`test bug: ${base.name} has no region ${region}`);
  return { ...base, regions: base.regions.map((r) => (r.region === region ? { ...r, ...(typeof patch === "function" ? patch(r) : patch) } : r)) };
}

const isModule = (d: DeploymentConfig, id: string) => `${d.definition.category}/${d.definition.module}` === id;

/** The deployment `category/module` of a region, as the env's config declares it. */
export function deploymentOf(base: EnvConfig, region: string, id: string): DeploymentConfig {
  const d = base.regions.find((r) => r.region === region)?.deployments.find((x) => isModule(x, id));
  if (!d) throw new Error(`test bug: ${base.name} ${region} has no deployment ${id}`);
  return d;
}

/** Change one deployment (its inputs, dependencies, ...), keeping everything else, including its source file. */
export function withDeployment(base: EnvConfig, region: string, id: string, patch: (d: DeploymentConfig) => Partial<DeploymentConfig>): EnvConfig {
  deploymentOf(base, region, id);
  return withRegion(base, region, (r) => ({ deployments: r.deployments.map((d) => (isModule(d, id) ? { ...d, ...patch(d) } : d)) }));
}

/** Override inputs of one deployment (objects merge over the module defaults; arrays replace). */
export function withInputs(base: EnvConfig, region: string, id: string, inputs: Record<string, unknown>): EnvConfig {
  return withDeployment(base, region, id, (d) => ({ inputs: { ...(d.inputs as object), ...inputs } }));
}

/**
 * The common case: one input of one deployment set to a bad value. The issue's path and value follow from
 * that input (`<region>/<id>.inputs.<field...>` down a chain of single-key objects, the leaf as JSON), so
 * a row says only the mutation, the file it is reported against and what is allowed. `at` names the
 * reported field where the inputs set several (`{ minAcu: 8, maxAcu: 4 }` reported at `minAcu`).
 */
export function inputCase(
  name: string,
  base: () => EnvConfig,
  id: string,
  inputs: Record<string, unknown>,
  level: string,
  allowed: string,
  options: { readonly region?: string; readonly at?: string } = {},
): BadConfigCase {
  const region = options.region ?? "us-east-1";
  const prefix = `${region}/${id}.inputs`;
  const { path, value } = options.at ? { path: `${prefix}.${options.at}`, value: jsonOf(valueAt(inputs, options.at)) } : leafOf(inputs, prefix);
  return { name, variant: () => withInputs(base(), region, id, inputs), expect: { level, path, value, allowed } };
}

/** The path and JSON value of the one leaf of `{ a: { b: 5 } }` (a.b, "5"): arrays and objects of several keys are leaves. */
function leafOf(value: unknown, path: string): { path: string; value: string } {
  const isPlain = typeof value === "object" && value !== null && !Array.isArray(value);
  const keys = isPlain ? Object.keys(value) : [];
  if (keys.length === 1) return leafOf((value as Record<string, unknown>)[keys[0]!], `${path}.${keys[0]}`);
  return { path, value: jsonOf(value) };
}

/** What a ConfigError prints for a value: its JSON, or `undefined` for a missing one. */
const jsonOf = (value: unknown) => (value === undefined ? "undefined" : JSON.stringify(value));
const valueAt = (value: unknown, dotted: string) => dotted.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], value);

/** Append deployments to a region. */
export function addDeployments(base: EnvConfig, region: string, ...extra: DeploymentConfig[]): EnvConfig {
  return withRegion(base, region, (r) => ({ deployments: [...r.deployments, ...extra] }));
}

/**
 * Resolve the variant the way `npm run synth` does (validateEnvSet for a set of envs, resolveEnv with
 * the registry's builder keys for one env): no construct is created. Returns the ConfigError.
 */
export function configErrorOf(c: BadConfigCase): ConfigError {
  const v = c.variant();
  return errorOf(
    () => (Array.isArray(v) ? validateEnvSet(v as readonly EnvConfig[]) : resolveEnv(root, v as EnvConfig, WORKLOADS, { builders: Object.keys(BUILDERS) })),
    c.name,
  );
}

/** The ConfigError of resolving `config` as `npm run synth` does (any other error is rethrown; none fails the test). */
export function resolveError(config: EnvConfig): ConfigError {
  return errorOf(() => resolveEnv(root, config, WORKLOADS, { builders: Object.keys(BUILDERS) }), config.name);
}

function errorOf(fn: () => unknown, what: string): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected a ConfigError for: ${what}`);
}

/** All cases of all topics, by name (used by synth-variant.ts). */
export function findCase(all: readonly BadConfigCase[], name: string): BadConfigCase {
  const found = all.find((c) => c.name === name);
  if (!found) throw new Error(`unknown case ${JSON.stringify(name)}`);
  return found;
}
