import type { ModuleContext } from "@infra/config";

/** `aerologue-<env>`: names that are regional by nature (functions, tables, APIs). */
export const prefix = (ctx: Pick<ModuleContext, "env">) => `aerologue-${ctx.env.name}`;
/** `aerologue-<env>-<region>`: names that are global (IAM roles, S3 buckets, KMS aliases kept distinct). */
export const regional = (ctx: Pick<ModuleContext, "env" | "region">) => `aerologue-${ctx.env.name}-${ctx.region.name}`;
/** The primary region's deployments (ARC-012 secondaries point back at them). */
export const PRIMARY = "primary" as const;
/**
 * The value CloudFront sends to the API origins as X-Origin-Verify (docs/adr/0075): put by an
 * operator, compared by api-rest-handler and api-ws-connect, so a request that skips CloudFront
 * (and WAF) through the public origin names is refused.
 */
export const ORIGIN_VERIFY_SECRET = "aerologue/edge/origin-verify";
