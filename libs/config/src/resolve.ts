import { z } from "zod";
import { parseCidr } from "./cidr";
import { type ConcurrencyDemand, type RegionConcurrency, concurrencyBudget } from "./concurrency";
import {
  type Dependency,
  type DependencyAddress,
  type EnvConfig,
  type ModuleCheck,
  type ModuleContext,
  type ResolvedRegion,
  type WorkloadDefinition,
  dependencyRef,
} from "./define";
import { type ConfigIssue, ConfigError, getAt, issue, zodIssues } from "./errors";
import { topoSort } from "./graph";
import { mergeLayers } from "./merge";
import { deploymentId, fillPattern, stackName, stateKey } from "./naming";
import { REGION_AZS, type RegionName, isRegionName } from "./regions";
import { type ResourceTags, renderResourceTags, resourceTags } from "./resource-tags";
import {
  type EnvName,
  type EnvSettings,
  type RootConfig,
  type WaiverConfig,
  accountId as accountIdSchema,
  envName as envNameSchema,
  envSettings,
  kebab,
  prerequisites as prerequisitesSchema,
  regionQuotas,
  rootConfig,
  waiver as waiverSchema,
} from "./schema";

export const ROOT_SOURCE = "environments/root.ts";

export interface BackendSettings {
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
  readonly encrypt: true;
  readonly dynamodbTable?: string;
  readonly useLockfile: boolean;
}

export interface ProviderSettings {
  readonly region: RegionName;
  readonly allowedAccountIds: readonly string[];
  readonly defaultTags: Readonly<Record<string, string>>;
}

export interface ResolvedWaiver extends WaiverConfig {
  /** The config file that declared it. */
  readonly level: string;
}

export interface ResolvedDeployment {
  /** `{region}/{category}/{module}`, unique within the env. */
  readonly id: string;
  readonly env: EnvName;
  readonly region: ResolvedRegion;
  readonly workload: string;
  readonly category: string;
  readonly module: string;
  readonly builder: string;
  readonly stackName: string;
  /** The file that declares the deployment (its region file), where errors found while building it point. */
  readonly declaredIn: string;
  readonly backend: BackendSettings;
  readonly provider: ProviderSettings;
  /** Fully merged and validated inputs of the module. */
  readonly inputs: unknown;
  /** Dependency name → deployment id. */
  readonly dependencies: Readonly<Record<string, string>>;
  readonly waivers: readonly ResolvedWaiver[];
  /** The settings of this deployment's env and region, merged. */
  readonly settings: EnvSettings;
  /** Seed 004's resource tags of this deployment (resource-tags.ts), also in `provider.defaultTags`. @default none */
  readonly tags?: ResourceTags;
}

export interface ResolvedEnv {
  readonly project: string;
  readonly name: EnvName;
  readonly accountId: string;
  readonly costAllocation: string;
  readonly terraformVersion: string;
  readonly state: {
    readonly bucket: string;
    readonly lockTable: string;
    readonly region: string;
    readonly useLockfile: boolean;
    readonly dynamodbLocking: boolean;
  };
  readonly regions: readonly ResolvedRegion[];
  /** In deploy order: every deployment comes after the ones it depends on. */
  readonly deployments: readonly ResolvedDeployment[];
  /** Env-level waivers that apply to every deployment (those naming deployments, and module- and deployment-level ones, sit on their deployments). */
  readonly waivers: readonly ResolvedWaiver[];
  readonly workloads: Readonly<Record<string, unknown>>;
  readonly tags: Readonly<Record<string, string>>;
  /** Lambda reserved concurrency per region of the env's account, checked against quota and allocations. @default none */
  readonly concurrency?: readonly RegionConcurrency[];
}

export type WorkloadRegistry = Readonly<Record<string, WorkloadDefinition>>;

/**
 * Resolve one environment: root → env → region → module defaults → deployment, merged, validated,
 * and ordered by dependencies. Pure: same input, same output; throws ConfigError listing every problem.
 */
export interface ResolveOptions {
  /**
   * The builder keys that exist (the registry's). When given, a module naming any other builder is a
   * config error at its `_envcommon` file, before any construct runs. @default not checked
   */
  readonly builders?: readonly string[];
}

export function resolveEnv(rootInput: RootConfig, env: EnvConfig, workloads: WorkloadRegistry, options: ResolveOptions = {}): ResolvedEnv {
  const issues: ConfigIssue[] = [];
  const fail = (): never => {
    throw new ConfigError(issues);
  };

  const rootParsed = rootConfig.safeParse(rootInput);
  if (!rootParsed.success) {
    issues.push(...zodIssues(rootParsed.error, rootInput, new Map(), { fallbackLevel: ROOT_SOURCE }));
    fail();
  }
  const root = rootParsed.data!;

  const envLevel = env.source;
  const name = checkField(envNameSchema, env.name, envLevel, "name", issues) as EnvName | undefined;
  checkField(accountIdSchema, env.accountId, envLevel, "accountId", issues);
  checkField(kebab, env.costAllocation, envLevel, "costAllocation", issues);
  const envWaivers = parseWaivers(env.waivers ?? [], envLevel, "waivers", issues);
  if (env.prerequisites !== undefined) checkField(prerequisitesSchema, env.prerequisites, envLevel, "prerequisites", issues);

  // Workloads enabled in this env, merged over their defaults.
  const workloadConfigs: Record<string, unknown> = {};
  for (const [wname, overrides] of Object.entries(env.workloads)) {
    const def = workloads[wname];
    if (!def) {
      issues.push(issue(envLevel, `workloads.${wname}`, wname, `unknown workload; must be one of ${Object.keys(workloads).sort().join(" | ")}`));
      continue;
    }
    workloadConfigs[wname] = overrides;
  }
  // Tags of a known workload the env does not run are inert (an env narrowed to some workloads keeps its tags).
  for (const wname of Object.keys(env.tags ?? {})) {
    if (!workloads[wname])
      issues.push(issue(envLevel, `tags.${wname}`, wname, `unknown workload; must be one of ${Object.keys(workloads).sort().join(" | ")}`));
  }

  // Regions.
  if (env.regions.length === 0) issues.push(issue(envLevel, "regions", [], "must list at least one region"));
  const primaries = env.regions.filter((r) => r.role === "primary");
  if (env.regions.length && primaries.length !== 1) {
    issues.push(
      issue(
        envLevel,
        "regions[].role",
        primaries.map((r) => r.region),
        'exactly one region must have role "primary"',
      ),
    );
  }
  const seenRegions = new Set<string>();
  const resolvedRegions: ResolvedRegion[] = [];
  const regionSettings = new Map<string, EnvSettings>();
  const regionWorkloads = new Map<string, Record<string, unknown>>();
  for (const r of env.regions) {
    const level = r.source;
    if (!isRegionName(r.region)) {
      issues.push(issue(level, "region", r.region, `unknown region; must be one of ${Object.keys(REGION_AZS).join(" | ")}`));
      continue;
    }
    if (seenRegions.has(r.region)) issues.push(issue(level, "region", r.region, "each region may appear once per env"));
    seenRegions.add(r.region);
    const known: readonly string[] = REGION_AZS[r.region];
    if (r.azs.length === 0) issues.push(issue(level, "azs", r.azs, "must list at least one availability zone"));
    if (r.azs.length > known.length) {
      issues.push(issue(level, "azs", r.azs, `${r.region} has ${known.length} availability zones; got ${r.azs.length}`));
    }
    r.azs.forEach((az, i) => {
      if (!known.includes(az)) issues.push(issue(level, `azs[${i}]`, az, `must be an availability zone of ${r.region}: ${known.join(" | ")}`));
    });
    if (new Set(r.azs).size !== r.azs.length) issues.push(issue(level, "azs", r.azs, "availability zones must be distinct"));
    if (r.quotas !== undefined) checkField(regionQuotas, r.quotas, level, "quotas", issues);
    for (const [net, cidr] of Object.entries(r.cidrs)) {
      const parsed = parseCidr(cidr);
      if (typeof parsed === "string") issues.push(issue(level, `cidrs.${net}`, cidr, parsed));
      else if (parsed.prefix < 16 || parsed.prefix > 28) issues.push(issue(level, `cidrs.${net}`, cidr, "a VPC CIDR must be between /16 and /28 (AWS limit)"));
    }

    const merged = mergeLayers([
      { source: ROOT_SOURCE, values: root.settings },
      { source: envLevel, values: env.settings },
      { source: level, values: r.settings },
    ]);
    const parsed = envSettings.safeParse(merged.value);
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, merged.value, merged.provenance, { prefix: "settings", fallbackLevel: level }));
    } else {
      regionSettings.set(r.region, parsed.data);
    }

    const perRegion: Record<string, unknown> = {};
    for (const wname of Object.keys(workloadConfigs)) {
      const def = workloads[wname]!;
      const wmerged = mergeLayers([
        { source: def.source, values: def.defaults },
        { source: envLevel, values: workloadConfigs[wname] ?? {} },
        { source: level, values: r.workloads?.[wname] },
      ]);
      const wparsed = def.schema.safeParse(wmerged.value);
      if (!wparsed.success) {
        issues.push(...zodIssues(wparsed.error, wmerged.value, wmerged.provenance, { prefix: `workloads.${wname}`, fallbackLevel: envLevel }));
      } else {
        perRegion[wname] = wparsed.data;
      }
    }
    for (const wname of Object.keys(r.workloads ?? {})) {
      if (!(wname in workloadConfigs)) {
        issues.push(
          issue(level, `workloads.${wname}`, wname, `workload is not enabled in ${envLevel}; enabled: ${Object.keys(workloadConfigs).join(" | ") || "none"}`),
        );
      }
    }
    regionWorkloads.set(r.region, perRegion);
    resolvedRegions.push({ name: r.region, role: r.role, azs: [...r.azs], cidrs: { ...r.cidrs } });
  }
  if (issues.length) fail();

  const envName = name!;
  const primary = resolvedRegions.find((r) => r.role === "primary")!;
  const placeholders = { project: root.project, env: envName, accountId: env.accountId };
  const bucket = fillPattern(root.state.bucket, placeholders);
  const lockTable = fillPattern(root.state.lockTable, placeholders);

  // Deployments.
  interface Draft {
    id: string;
    level: string;
    deployment: Omit<ResolvedDeployment, "dependencies">;
    /** What config names, plus the foundation address resolve adds itself. */
    refs: Record<string, Dependency | DependencyAddress>;
    required: readonly string[];
    check: ModuleCheck | undefined;
    foundation: boolean;
    reserved: number;
  }
  const drafts: Draft[] = [];
  const byStack = new Map<string, string>();
  const byKey = new Map<string, string>();
  for (const r of env.regions) {
    const region = resolvedRegions.find((x) => x.name === r.region)!;
    const settings = regionSettings.get(r.region)!;
    r.deployments.forEach((d, index) => {
      const level = d.source ?? r.deploymentsSource ?? r.source;
      const def = d.definition;
      const where = `deployments[${index}] (${def.category}/${def.module})`;
      if (!(def.workload in workloadConfigs)) {
        issues.push(
          issue(
            level,
            `${where}.workload`,
            def.workload,
            `workload is not enabled in ${envLevel}; enabled: ${Object.keys(workloadConfigs).join(" | ") || "none"}`,
          ),
        );
        return;
      }
      const badName = [def.category, def.module].find((s) => !kebab.safeParse(s).success);
      if (badName !== undefined) {
        issues.push(issue(def.source, `${where}.category/module`, badName, "must be lower-case kebab-case"));
        return;
      }
      const ctx: ModuleContext = {
        project: root.project,
        env: { name: envName, accountId: env.accountId },
        settings,
        region,
        primaryRegion: primary,
        workload: regionWorkloads.get(r.region)![def.workload],
      };
      if (options.builders && !options.builders.includes(def.builder)) {
        issues.push(
          issue(def.source, `${where}.builder`, def.builder, `no workload registers this builder; known: ${[...options.builders].sort().join(" | ")}`),
        );
        return;
      }
      // A module may exist only under some config (e.g. a workload's phase): no stack, no state key.
      if (def.enabled && !def.enabled(ctx)) return;
      const merged = mergeLayers([
        { source: def.source, values: def.defaults(ctx) },
        { source: level, values: d.inputs },
      ]);
      const parsed = def.schema.safeParse(merged.value);
      const prefix = `${r.region}/${def.category}/${def.module}.inputs`;
      if (!parsed.success) {
        issues.push(...zodIssues(parsed.error, merged.value, merged.provenance, { prefix, fallbackLevel: level }));
        return;
      }
      const path = { env: envName, region: r.region, category: def.category, module: def.module };
      const id = deploymentId(path);
      const name = stackName(path);
      const key = stateKey(root.state.keyPattern, path);
      const dupStack = byStack.get(name);
      if (dupStack) issues.push(issue(level, `${where}`, name, `duplicate stack name; already used by the deployment declared in ${dupStack}`));
      const dupKey = byKey.get(key);
      if (dupKey) issues.push(issue(level, `${where}`, key, `duplicate state key; already used by the deployment declared in ${dupKey}`));
      byStack.set(name, level);
      byKey.set(key, level);
      const workloadDef = workloads[def.workload]!;
      const tags = resolveTags(
        [
          { source: workloadDef.source, values: workloadDef.tags },
          { source: def.source, values: def.tags },
          { source: envLevel, values: env.tags?.[def.workload] },
          { source: level, values: d.tags },
        ],
        `${r.region}/${def.category}/${def.module}.tags`,
        level,
        issues,
      );
      drafts.push({
        id,
        level,
        refs: { ...((typeof def.dependencies === "function" ? def.dependencies(ctx, parsed.data) : def.dependencies) ?? {}), ...(d.dependencies ?? {}) },
        required: def.requiredDependencies ?? [],
        check: def.check as ModuleCheck | undefined,
        foundation: def.foundation === true,
        reserved: def.reservedConcurrency?.(parsed.data) ?? 0,
        deployment: {
          id,
          env: envName,
          region,
          workload: def.workload,
          category: def.category,
          module: def.module,
          builder: def.builder,
          stackName: name,
          declaredIn: level,
          backend: {
            bucket,
            key,
            region: root.state.region,
            encrypt: true,
            ...(root.state.dynamodbLocking ? { dynamodbTable: lockTable } : {}),
            useLockfile: root.state.useLockfile,
          },
          provider: {
            region: region.name,
            allowedAccountIds: [env.accountId],
            defaultTags: {
              ...root.tags,
              Project: workloadDef.project,
              Environment: envName,
              CostAllocation: env.costAllocation,
              Workload: def.workload,
              Deployment: `${def.category}/${def.module}`,
              ...(tags ? renderResourceTags(tags) : {}),
            },
          },
          inputs: parsed.data,
          waivers: [
            ...parseWaivers((typeof def.waivers === "function" ? def.waivers(ctx) : def.waivers) ?? [], def.source, "waivers", issues, OWN_STACK),
            ...parseWaivers(d.waivers ?? [], level, `${where}.waivers`, issues, OWN_STACK),
          ],
          settings,
          ...(tags ? { tags } : {}),
        },
      });
    });
  }
  if (issues.length) fail();

  // The account foundation: one per env, in the primary region, depended on by every other deployment.
  const foundations = drafts.filter((d) => d.foundation);
  for (const f of foundations.slice(1)) {
    issues.push(
      issue(
        f.level,
        f.id,
        f.deployment.stackName,
        `an env has one account foundation; ${foundations[0]!.deployment.stackName} already is (declared in ${foundations[0]!.level})`,
      ),
    );
  }
  const foundation = foundations[0];
  if (foundation) {
    if (foundation.deployment.region.role !== "primary") {
      issues.push(
        issue(
          foundation.level,
          `${foundation.id}.region`,
          foundation.deployment.region.name,
          `the account foundation deploys in the primary region (${primary.name})`,
        ),
      );
    }
    if (Object.keys(foundation.refs).length > 0) {
      issues.push(
        issue(foundation.level, `${foundation.id}.dependencies`, Object.keys(foundation.refs), "the account foundation deploys first: it has no dependencies"),
      );
    }
    const ref: DependencyAddress = { category: foundation.deployment.category, module: foundation.deployment.module, region: "primary" };
    for (const d of drafts) {
      if (d === foundation) continue;
      if ("foundation" in d.refs) {
        issues.push(
          issue(
            d.level,
            `${d.id}.dependencies.foundation`,
            dependencyRef(d.refs["foundation"]),
            'the dependency name "foundation" is reserved for the account foundation, which every deployment depends on',
          ),
        );
        continue;
      }
      d.refs["foundation"] = ref;
    }
  }
  if (issues.length) fail();

  // Dependencies → ids, then deploy order.
  const ids = drafts.map((d) => d.id);
  const edges = new Map<string, string[]>();
  const depIds = new Map<string, Record<string, string>>();
  for (const d of drafts) {
    const resolved: Record<string, string> = {};
    for (const required of d.required) {
      if (!(required in d.refs)) {
        issues.push(
          issue(
            d.level,
            `${d.id}.dependencies.${required}`,
            undefined,
            `this module needs a "${required}" dependency: declare it on the deployment, e.g. deploy(module, { dependencies: { ${required}: { category, module, region } } })`,
          ),
        );
      }
    }
    for (const [depName, dependency] of Object.entries(d.refs)) {
      const ref = dependencyRef(dependency);
      if (typeof ref === "string") {
        issues.push(issue(d.level, `${d.id}.dependencies.${depName}`, undefined, ref));
        continue;
      }
      const regionName = ref.region === "primary" ? primary.name : (ref.region ?? d.deployment.region.name);
      const target = deploymentId({ region: regionName, category: ref.category, module: ref.module });
      if (!ids.includes(target)) {
        const named = ref.source ? ` (the module of ${ref.source} is not deployed in ${regionName}: deploy it there, or drop the dependency)` : "";
        issues.push(issue(d.level, `${d.id}.dependencies.${depName}`, target, `no such deployment in ${envName}${named}; deployments: ${ids.join(" | ")}`));
        continue;
      }
      resolved[depName] = target;
    }
    depIds.set(d.id, resolved);
    edges.set(d.id, Object.values(resolved));
  }
  if (issues.length) fail();
  const sorted = topoSort(ids, edges);
  if ("cycle" in sorted) {
    issues.push(issue(drafts.find((d) => d.id === sorted.cycle[0])!.level, "dependencies", sorted.cycle.join(" -> "), "dependencies must not form a cycle"));
    fail();
  }
  const order = (sorted as { order: string[] }).order;
  const scopedWaivers = scopeEnvWaivers(envWaivers, ids, envName, envLevel, issues);
  if (issues.length) fail();
  const deployments = order.map((id) => {
    const d = drafts.find((x) => x.id === id)!;
    const waivers = [...(scopedWaivers.byDeployment.get(id) ?? []), ...d.deployment.waivers];
    return { ...d.deployment, waivers, dependencies: depIds.get(id)! };
  });

  // Lambda reserved concurrency: one budget per account and region, across workloads.
  const demands: ConcurrencyDemand[] = drafts.map((d) => ({
    region: d.deployment.region.name,
    workload: d.deployment.workload,
    deployment: d.id,
    level: d.level,
    reserved: d.reserved,
  }));
  const budget = concurrencyBudget(env.regions, demands, Object.keys(workloadConfigs));
  issues.push(...budget.issues);
  if (issues.length) fail();

  const resolvedEnv: ResolvedEnv = {
    project: root.project,
    name: envName,
    accountId: env.accountId,
    costAllocation: env.costAllocation,
    terraformVersion: root.terraformVersion,
    state: { bucket, lockTable, region: root.state.region, useLockfile: root.state.useLockfile, dynamodbLocking: root.state.dynamodbLocking },
    regions: resolvedRegions,
    deployments,
    waivers: scopedWaivers.envWide,
    workloads: regionWorkloads.get(primary.name)!,
    tags: root.tags,
    concurrency: budget.regions,
  };

  // Modules' cross-deployment checks, once every deployment has resolved.
  for (const d of deployments) {
    const draft = drafts.find((x) => x.id === d.id)!;
    for (const found of draft.check?.(d, resolvedEnv) ?? []) {
      issues.push(issue(found.level ?? draft.level, `${d.id}.${found.path}`, found.value, found.allowed));
    }
  }
  if (issues.length) fail();
  return resolvedEnv;
}

/**
 * Seed 004's resource tags of one deployment: its layers merged (later wins) and validated. None when
 * no layer sets any; otherwise all four fields, each error naming the layer that set the bad value.
 */
function resolveTags(
  layers: readonly { source: string; values: unknown }[],
  prefix: string,
  fallbackLevel: string,
  issues: ConfigIssue[],
): ResourceTags | undefined {
  const merged = mergeLayers(layers);
  if (Object.keys(merged.value).length === 0) return undefined;
  const parsed = resourceTags.safeParse(merged.value);
  if (parsed.success) return parsed.data;
  issues.push(...zodIssues(parsed.error, merged.value, merged.provenance, { prefix, fallbackLevel }));
  return undefined;
}

function checkField(schema: z.ZodType, value: unknown, level: string, path: string, issues: ConfigIssue[]): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  issues.push(...zodIssues(parsed.error, value, new Map(), { prefix: path, fallbackLevel: level }));
  return undefined;
}

/** Why a module's or deployment's waiver may not name deployments. */
const OWN_STACK = "no deployments field: a module's or deployment's waiver covers its own deployment; name deployments in an env waiver (env.ts waivers)";

function parseWaivers(list: readonly WaiverConfig[], level: string, path: string, issues: ConfigIssue[], ownStack?: string): ResolvedWaiver[] {
  const out: ResolvedWaiver[] = [];
  list.forEach((w, i) => {
    const parsed = waiverSchema.safeParse(w);
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, w, new Map(), { prefix: `${path}[${i}]`, fallbackLevel: level }));
    } else if (ownStack && parsed.data.deployments) {
      issues.push(issue(level, `${path}[${i}].deployments`, parsed.data.deployments, ownStack));
    } else {
      out.push({ ...parsed.data, level });
    }
  });
  return out;
}

/**
 * Env waivers that name deployments (exact ids) go to those deployments; the others stay env-wide.
 * An id the env does not deploy is a config error naming the env file and the ids it has.
 */
function scopeEnvWaivers(waivers: readonly ResolvedWaiver[], ids: readonly string[], env: string, level: string, issues: ConfigIssue[]) {
  const envWide: ResolvedWaiver[] = [];
  const byDeployment = new Map<string, ResolvedWaiver[]>();
  waivers.forEach((w, i) => {
    if (!w.deployments) {
      envWide.push(w);
      return;
    }
    const { deployments, ...waiver } = w;
    deployments.forEach((id, j) => {
      if (!ids.includes(id)) {
        issues.push(
          issue(level, `waivers[${i}].deployments[${j}]`, id, `a deployment id of ${env} ({region}/{category}/{module}); deployments: ${ids.join(" | ")}`),
        );
        return;
      }
      byDeployment.set(id, [...(byDeployment.get(id) ?? []), waiver]);
    });
  });
  return { envWide, byDeployment };
}

/** Checks across envs: distinct accounts (a dev credential must never reach prod). */
export function validateEnvSet(envs: readonly EnvConfig[]): void {
  const issues: ConfigIssue[] = [];
  const byAccount = new Map<string, EnvConfig>();
  const byName = new Map<string, EnvConfig>();
  for (const env of envs) {
    const other = byAccount.get(env.accountId);
    if (other) {
      issues.push(issue(env.source, "accountId", env.accountId, `every env needs its own AWS account; ${other.name} (${other.source}) already uses it`));
    }
    byAccount.set(env.accountId, env);
    if (byName.has(env.name)) issues.push(issue(env.source, "name", env.name, `env names must be unique; also declared in ${byName.get(env.name)!.source}`));
    byName.set(env.name, env);
  }
  if (issues.length) throw new ConfigError(issues);
}

export { getAt };
