import type { DependencyRef, ModuleContext, RegionName } from "@infra/config";
import { type AtlasConfig, type PhaseFeatures, phaseFeatures } from "@infra/atlas-inputs";

export type AtlasContext = ModuleContext<AtlasConfig>;

/** The phase's features for this env: the single place module defaults read the phase from. */
export function features(ctx: AtlasContext): PhaseFeatures {
  return phaseFeatures(ctx.workload.phase, ctx.env.name, ctx.workload.drRegion);
}

/** The workload runs in this env and this is its primary region. */
export function inPrimary(ctx: AtlasContext): boolean {
  return features(ctx).deployed && ctx.region.role === "primary";
}

/** Phase 4 DR: this region is the workload's DR region. */
export function inDr(ctx: AtlasContext): boolean {
  return features(ctx).dr?.region === ctx.region.name;
}

/** Name prefix of account-regional resources, e.g. "acct-atlas-prod" (the seed's ECR prefix). */
export const prefix = (ctx: AtlasContext) => `acct-atlas-${ctx.env.name}`;

/** Public zone of the env: the apex in prod, `<env>.<apex>` elsewhere (delegated from prod). */
export const zoneName = (ctx: AtlasContext) => (ctx.env.name === "prod" ? ctx.workload.domain : `${ctx.env.name}.${ctx.workload.domain}`);

export const dep = (category: string, module: string, region?: string): DependencyRef => ({
  category: `atlas-${category}`,
  module,
  ...(region ? { region: region as RegionName } : {}),
});
export const KMS = dep("security", "kms");
