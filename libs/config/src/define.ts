import type { z } from "zod";
import type { EnvName, EnvSettings, NatMode, Prerequisites, RegionQuotas, WaiverConfig } from "./schema";
import type { RegionName } from "./regions";
import type { ResourceTags } from "./resource-tags";
import type { ResolvedDeployment, ResolvedEnv } from "./resolve";

/**
 * A problem a module's cross-deployment `check` finds. `path` is relative to the deployment
 * (e.g. `inputs.cidr`, `dependencies.peer`); `level` defaults to the file that declares the deployment.
 */
export interface CheckIssue {
  readonly path: string;
  readonly value: unknown;
  readonly allowed: string;
  readonly level?: string;
}

/**
 * A module's check across deployments: runs after every deployment of the env has resolved (inputs
 * merged and validated, dependencies known), before any construct exists. `env.deployments` holds
 * every deployment, so a check can read a dependency's resolved inputs.
 */
export type ModuleCheck<I = unknown> = (self: ResolvedDeployment & { readonly inputs: I }, env: ResolvedEnv) => readonly CheckIssue[];

/** Recursive partial: what an override layer may set. Arrays are replaced whole. */
export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** A workload: one of the systems of the seeds, with its own typed config. */
export interface WorkloadDefinition<C = unknown> {
  readonly name: string;
  /** Value of the Project tag on the workload's resources. */
  readonly project: string;
  readonly schema: z.ZodType<C>;
  /** The workload's defaults (the `_envcommon/<workload>` level). */
  readonly defaults: C;
  /**
   * The workload's default resource tags (seed 004 Service, Criticality, BackupRequired,
   * DisasterRecovery), the first layer of resource-tags.ts. @default none
   */
  readonly tags?: Partial<ResourceTags>;
  /** File that declares the defaults, named in error messages. */
  readonly source: string;
}

export function defineWorkload<S extends z.ZodType>(def: {
  name: string;
  project: string;
  schema: S;
  defaults: z.input<S>;
  tags?: Partial<ResourceTags>;
  /** @default `environments/_envcommon/<name>/workload.ts` */
  source?: string;
}): WorkloadDefinition<z.output<S>> {
  return { ...def, source: def.source ?? `${MODULE_ROOT}/${def.name}/workload.ts` } as unknown as WorkloadDefinition<z.output<S>>;
}

/** The deployment a dependency names, as resolve reads it. */
export interface DependencyAddress {
  readonly category: string;
  readonly module: string;
  /** A region name, "primary", or omitted for the dependent's region. */
  readonly region?: RegionName | "primary";
  /** The file of the module definition it was named by, for error messages. @default none (string form) */
  readonly source?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyModuleDefinition = ModuleDefinition<any, any>;

/**
 * A module definition, or a function returning one: the function form (`() => vpc`) is for two module
 * files that import each other, where the imported binding is not yet initialised when the importing
 * file's `defineModule` runs.
 */
export type ModuleReference = AnyModuleDefinition | (() => AnyModuleDefinition);

/**
 * A dependency (Terragrunt's `dependency` block): the module whose deployment this one reads, in the
 * same region, or `{ module, region }` for another region ("primary": the env's primary region). Dependencies
 * name definitions, never `{ category, module }` strings: a wrong import fails at compile time (ADR 0120).
 */
export type Dependency = ModuleReference | { readonly module: ModuleReference; readonly region?: RegionName | "primary" };

/**
 * The `{ category, module, region }` a dependency names, or a message saying why it names nothing (an
 * import cycle leaves the imported definition undefined while its importer is being defined).
 */
export function dependencyRef(dependency: Dependency | DependencyAddress | undefined): DependencyAddress | string {
  if (dependency === undefined || dependency === null) return UNDEFINED_DEPENDENCY;
  if (typeof dependency === "function") return refOfModule(dependency(), undefined);
  if ("schema" in dependency) return refOfModule(dependency, undefined);
  // An address resolve makes itself (the implicit account foundation dependency); config cannot write one.
  if (typeof dependency.module === "string") return dependency as DependencyAddress;
  const target = typeof dependency.module === "function" ? dependency.module() : dependency.module;
  return refOfModule(target, dependency.region);
}

const UNDEFINED_DEPENDENCY = "a module definition, but it is undefined: two module files import each other; write the dependency as a function, () => module";

function refOfModule(def: AnyModuleDefinition | undefined, region: RegionName | "primary" | undefined): DependencyAddress | string {
  if (def === undefined || def === null) return UNDEFINED_DEPENDENCY;
  return { category: def.category, module: def.module, ...(region !== undefined ? { region } : {}), source: def.source };
}

/**
 * The file that declares a module, by the `_envcommon` convention: category `<workload>-<folder>` lives
 * in `environments/_envcommon/<workload>/<folder>/<module>.ts`, category `<workload>` in
 * `environments/_envcommon/<workload>/<module>.ts`, any other category `c` (the platform's) in
 * `environments/_envcommon/<workload>/<c>/<module>.ts`. A test checks that every module's file exists.
 */
export function moduleSource(def: { readonly workload: string; readonly category: string; readonly module: string }): string {
  const { workload, category, module } = def;
  // Every workload's modules live under its own folder: `<w>-<folder>` categories in `<w>/<folder>/`, the platform's
  // plain categories (`dns`, `data`, ...) in `platform/<category>/`.
  const folder =
    category === workload ? workload : category.startsWith(`${workload}-`) ? `${workload}/${category.slice(workload.length + 1)}` : `${workload}/${category}`;
  return `${MODULE_ROOT}/${folder}/${module}.ts`;
}

/** Where the `_envcommon/<workload>/<category>/<module>` level lives in the repo. */
export const MODULE_ROOT = "environments/_envcommon";

/** What a module's defaults function sees: the merged settings of its env and region. */
export interface ModuleContext<W = unknown> {
  readonly project: string;
  readonly env: { readonly name: EnvName; readonly accountId: string };
  readonly settings: EnvSettings;
  readonly region: ResolvedRegion;
  /** The env's primary region (for DR deployments that point back at it). */
  readonly primaryRegion: ResolvedRegion;
  readonly workload: W;
}

/**
 * A module: the `_envcommon/{category}/{module}` level. It names the construct code that builds it
 * (`builder`), the schema of its inputs, and its default inputs as a pure function of the context.
 */
export interface ModuleDefinition<I = unknown, W = unknown> {
  readonly workload: string;
  readonly category: string;
  readonly module: string;
  /** Key of the stack builder in the workload registry, e.g. "platform/vpc". */
  readonly builder: string;
  readonly schema: z.ZodType<I>;
  readonly defaults: (ctx: ModuleContext<W>) => DeepPartial<I>;
  /**
   * Dependencies, or a pure function of the context and the deployment's validated inputs that
   * returns them: a dependency that a setting implies is derived from it (a phase, `replicaOfPrimary`),
   * never declared by hand beside it.
   */
  readonly dependencies?: Readonly<Record<string, Dependency>> | DependenciesOf<W, I>;
  /**
   * Whether a listed deployment of this module exists in its env and region: a pure function of the
   * context (e.g. the workload's phase). A disabled deployment makes no stack and no state key.
   * @default always enabled
   */
  readonly enabled?: (ctx: ModuleContext<W>) => boolean;
  /** Dependencies each deployment must declare itself (e.g. the peer VPC of a peering). */
  readonly requiredDependencies?: readonly string[];
  /**
   * Policy waivers every deployment of this module carries (a relaxation inherent to the module), or a
   * pure function of the context that returns them (a relaxation that holds only under some config).
   */
  readonly waivers?: readonly WaiverConfig[] | ((ctx: ModuleContext<W>) => readonly WaiverConfig[]);
  /**
   * The Lambda reserved concurrency a deployment of this module takes from its account and region
   * (the sum over its functions): resolve checks every region's total against the quota and each
   * workload's allocation (region.ts `reservedConcurrency`). @default 0
   */
  reservedConcurrency?(inputs: I): number;
  /**
   * Checks that need other deployments' resolved inputs (e.g. two peered VPCs must not overlap).
   * @default none
   */
  check?(self: ResolvedDeployment & { readonly inputs: I }, env: ResolvedEnv): readonly CheckIssue[];
  /**
   * The account foundation: every other deployment of the env depends on this one (dependency
   * name "foundation"), so it deploys first and is destroyed last. At most one per env, in the
   * primary region, with no dependencies of its own. @default false
   */
  readonly foundation?: boolean;
  /** The module's resource tags over its workload's (resource-tags.ts), e.g. its `service`. @default none */
  readonly tags?: Partial<ResourceTags>;
  /** File that declares the module's defaults, named in error messages (`moduleSource`). */
  readonly source: string;
}

/**
 * Define a module. Its `source` (the file named in error messages) follows from workload, category
 * and module (`moduleSource`); pass it only for a file that does not follow the convention.
 */
export function defineModule<S extends z.ZodType, W = unknown>(def: {
  workload: string;
  category: string;
  module: string;
  builder: string;
  schema: S;
  defaults: (ctx: ModuleContext<W>) => NoInfer<DeepPartial<z.input<S>>>;
  dependencies?: Record<string, Dependency> | ((ctx: ModuleContext<W>, inputs: z.output<S>) => Record<string, Dependency>);
  enabled?: (ctx: ModuleContext<W>) => boolean;
  requiredDependencies?: readonly string[];
  waivers?: readonly WaiverConfig[] | ((ctx: ModuleContext<W>) => readonly WaiverConfig[]);
  reservedConcurrency?: (inputs: z.output<S>) => number;
  check?: ModuleCheck<z.output<S>>;
  foundation?: boolean;
  tags?: Partial<ResourceTags>;
  /** @default moduleSource(def): `environments/_envcommon/<workload>/<folder>/<module>.ts` */
  source?: string;
}): ModuleDefinition<z.output<S>, W> {
  return { ...def, source: def.source ?? moduleSource(def) } as unknown as ModuleDefinition<z.output<S>, W>;
}

/**
 * A module's dependencies as a function of its context and validated inputs. Declared as a method so
 * that a definition with typed inputs still fits where definitions of any inputs are listed.
 */
export type DependenciesOf<W, I> = {
  derive(ctx: ModuleContext<W>, inputs: I): Readonly<Record<string, Dependency>>;
}["derive"];

/** A deployment: the `{env}/{region}/{category}/{module}` level — a module placed in a region, with overrides. */
export interface DeploymentConfig<I = unknown> {
  readonly definition: ModuleDefinition<I>;
  readonly inputs?: DeepPartial<I>;
  /** Replace or add dependencies of the module. */
  readonly dependencies?: Readonly<Record<string, Dependency>>;
  readonly waivers?: readonly WaiverConfig[];
  /** This deployment's resource tags over its module's and env's (resource-tags.ts). @default none */
  readonly tags?: Partial<ResourceTags>;
  /** The file that declares this deployment, for error messages. @default the region file */
  readonly source?: string;
}

/** Stamp the declaring file on a list of deployments (a workload's deployments file in a region). */
export function deploymentsFrom(source: string, list: readonly DeploymentConfig[]): DeploymentConfig[] {
  return list.map((d) => ({ ...d, source: d.source ?? source }));
}

export function deploy<I, W>(definition: ModuleDefinition<I, W>, overrides: Omit<DeploymentConfig<I>, "definition"> = {}): DeploymentConfig<I> {
  return { definition: definition as ModuleDefinition<I>, ...overrides };
}

/** `environments/{env}/{region}/region.ts`. */
export interface RegionConfig {
  readonly region: string;
  readonly role: "primary" | "dr";
  readonly azs: readonly string[];
  /** VPC CIDR per workload network in this region, e.g. { platform: "10.10.0.0/16" }. */
  readonly cidrs: Readonly<Record<string, string>>;
  readonly settings?: DeepPartial<EnvSettings>;
  /** Per-workload overrides that apply in this region only. */
  readonly workloads?: Readonly<Record<string, unknown>>;
  readonly deployments: readonly DeploymentConfig[];
  /** The account's service quotas in this region that preflight checks against. @default AWS defaults */
  readonly quotas?: RegionQuotas;
  /**
   * Lambda reserved concurrency allocated to each workload in this account and region: a workload's
   * deployments may reserve at most its allocation, and the allocations (or, for a workload without
   * one, what it reserves) must leave 100 unreserved within `quotas.lambdaConcurrentExecutions`.
   * @default none (each workload counts what it reserves)
   */
  readonly reservedConcurrency?: Readonly<Record<string, number>>;
  /** This file, for error messages. */
  readonly source: string;
  /** The file that lists this region's deployments, if not `source`. */
  readonly deploymentsSource?: string;
}

/** `environments/{env}/env.ts`. */
export interface EnvConfig {
  readonly name: string;
  readonly accountId: string;
  readonly costAllocation: string;
  readonly settings?: DeepPartial<EnvSettings>;
  /** Workloads that run in this env, with their env-level overrides. */
  readonly workloads: Readonly<Record<string, unknown>>;
  /**
   * Per workload, the env's resource tags over the workload's and modules' defaults (resource-tags.ts),
   * e.g. `{ platform: { criticality: "high" } }`. @default none
   */
  readonly tags?: Readonly<Record<string, Partial<ResourceTags>>>;
  readonly regions: readonly RegionConfig[];
  readonly waivers?: readonly WaiverConfig[];
  /** What a person provides before the first deploy (secret values, zone delegations). @default none */
  readonly prerequisites?: Prerequisites;
  readonly source: string;
}

export interface ResolvedRegion {
  readonly name: RegionName;
  readonly role: "primary" | "dr";
  readonly azs: readonly string[];
  readonly cidrs: Readonly<Record<string, string>>;
}

export type { NatMode };
