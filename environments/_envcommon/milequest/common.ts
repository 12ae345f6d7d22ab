import type { DependencyRef, ModuleContext } from "@infra/config";
import type { MilequestConfig } from "@infra/milequest-inputs";

/** What Mile Quest's module defaults see. */
export type Ctx = ModuleContext<MilequestConfig>;

/** `<env>-<region>-milequest`: regional names (functions, roles, cache, APIs) stay unique per env and region. */
export const regionalName = (ctx: Ctx) => `${ctx.env.name}-${ctx.region.name}-milequest`;
/** Globally unique bucket prefix: env, region and account. */
export const bucketPrefix = (ctx: Ctx) => `${ctx.env.name}-${ctx.region.name}-milequest-${ctx.env.accountId}`;
/** Primary or standby, from the region's role. */
export const stackRole = (ctx: Ctx) => (ctx.region.role === "primary" ? ("primary" as const) : ("standby" as const));
/** Lambda zips: CI uploads them per region (Lambda reads code from its own region only). */
export const artifacts = (ctx: Ctx) => ({ bucket: `milequest-artifacts-${ctx.env.accountId}-${ctx.region.name}`, prefix: `milequest/${ctx.workload.artifactVersion}` });

const dep = (category: string, module: string, region?: "primary"): DependencyRef => ({ category: `milequest-${category}`, module, ...(region ? { region } : {}) });

/** Dependencies of every function stack. Identity, secrets, tables and DNS live in (or replicate from) the primary region. */
export const APP_DEPENDENCIES: Record<string, DependencyRef> = {
  vpc: dep("network", "vpc"),
  kms: dep("security", "kms"),
  aurora: dep("data", "aurora"),
  s3: dep("data", "s3"),
  messaging: dep("integration", "messaging"),
  dynamodb: dep("data", "dynamodb", "primary"),
  cognito: dep("security", "cognito", "primary"),
  secrets: dep("security", "secrets", "primary"),
};

/** Added by deployments in regions that run the Redis cache (not the DR standby). */
export const WITH_CACHE: Record<string, DependencyRef> = { cache: dep("data", "cache") };

/** The alias API Gateway invokes and CodeDeploy shifts (seed 003 "Canary Deploy"): one name for every API function. */
export const RELEASE_ALIAS = "live";
