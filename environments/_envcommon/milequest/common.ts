import type { ModuleContext } from "@infra/config";
import type { MilequestConfig } from "@infra/milequest-inputs";
import { workloadModules } from "@infra/workload-shared-inputs";

/** What Mile Quest's module defaults see. */
export type Ctx = ModuleContext<MilequestConfig>;

/** Defines a Mile Quest module by its `"<folder>/<module>"` under this folder (category `milequest-<folder>`, builder `milequest/<module>`). */
export const milequestModule = workloadModules<MilequestConfig>("milequest");

/** `<env>-<region>-milequest`: regional names (functions, roles, cache, APIs) stay unique per env and region. */
export const regionalName = (ctx: Ctx) => `${ctx.env.name}-${ctx.region.name}-milequest`;
/** Globally unique bucket prefix: env, region and account. */
export const bucketPrefix = (ctx: Ctx) => `${ctx.env.name}-${ctx.region.name}-milequest-${ctx.env.accountId}`;
/** Primary or standby, from the region's role. */
export const stackRole = (ctx: Ctx) => (ctx.region.role === "primary" ? ("primary" as const) : ("standby" as const));
/** Lambda zips: CI uploads them per region (Lambda reads code from its own region only). */
export const artifacts = (ctx: Ctx) => ({
  bucket: `milequest-artifacts-${ctx.env.accountId}-${ctx.region.name}`,
  prefix: `milequest/${ctx.workload.artifactVersion}`,
});

/** What every group of Mile Quest functions shares: its name, region role, runtime, code and log retention. */
export const functionGroupDefaults = (ctx: Ctx, name: string = regionalName(ctx)) => ({
  name,
  role: stackRole(ctx),
  runtime: "nodejs22.x" as const,
  artifacts: artifacts(ctx),
  logRetentionDays: ctx.settings.logRetentionDays,
});

/** The alias API Gateway invokes and CodeDeploy shifts (seed 003 "Canary Deploy"): one name for every API function. */
export const RELEASE_ALIAS = "live";
