import type { ModuleContext } from "@infra/config";

/** `aerologue-<env>`: names that are regional by nature (functions, tables, APIs). */
export const prefix = (ctx: Pick<ModuleContext, "env">) => `aerologue-${ctx.env.name}`;
/** `aerologue-<env>-<region>`: names that are global (IAM roles, S3 buckets, KMS aliases kept distinct). */
export const regional = (ctx: Pick<ModuleContext, "env" | "region">) => `aerologue-${ctx.env.name}-${ctx.region.name}`;
/** The primary region's deployments (ARC-012 secondaries point back at them). */
export const PRIMARY = "primary" as const;
