import type { Dependency, ModuleContext } from "@infra/config";
import { type AtlasConfig, type PhaseFeatures, phaseFeatures } from "@infra/atlas-inputs";
import { kms } from "./security/kms";

export type AtlasContext = ModuleContext<AtlasConfig>;

/** The phase's features for this env: the single place module defaults read the phase from. */
export function features(ctx: AtlasContext): PhaseFeatures {
  return phaseFeatures(ctx.workload.phase, ctx.env.name, ctx.workload.drRegion);
}

/** The workload runs in this env and this is its primary region. */
export function inPrimary(ctx: AtlasContext): boolean {
  return features(ctx).deployed && ctx.region.role === "primary";
}

/**
 * The phase runs no Docker host, but this env ran one at phase 1 (phases only move forward): the
 * host's stack stays, retired, so its destroy is a plan (issue 11 class 14).
 */
export function hostRetired(ctx: AtlasContext): boolean {
  return features(ctx).compute !== "docker-host" && phaseFeatures(1, ctx.env.name, ctx.workload.drRegion).deployed;
}

/** Phase 4 DR: this region is the workload's DR region. */
export function inDr(ctx: AtlasContext): boolean {
  return features(ctx).dr?.region === ctx.region.name;
}

/** Name prefix of account-regional resources, e.g. "acct-atlas-prod" (the seed's ECR prefix). */
export const prefix = (ctx: AtlasContext) => `acct-atlas-${ctx.env.name}`;

/** Public zone of the env: the apex in prod, `<env>.<apex>` elsewhere (delegated from prod). */
export const zoneName = (ctx: AtlasContext) => (ctx.env.name === "prod" ? ctx.workload.domain : `${ctx.env.name}.${ctx.workload.domain}`);

/** The workload's key. A function: ./security/kms imports this file, so `kms` is not initialised while this one loads. */
export const KMS: Dependency = () => kms;
