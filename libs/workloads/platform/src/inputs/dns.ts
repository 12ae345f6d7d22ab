import { logRetentionDays, publicDomain, zoneDelegationInput } from "@infra/config";
import { z } from "zod";

/** Inputs of dns/zone: the env's public hosted zone. */
export const zoneInputs = z
  .object({
    /** The zone, e.g. "dev.acme-platform.com" (public: never a reserved domain). */
    zoneName: publicDomain,
    /** Where its delegation comes from: registrar (prod's apex), prod's zone (other envs), or a zone of this env. */
    delegation: zoneDelegationInput,
    /** Route 53 query logs (CloudWatch, us-east-1) and their retention. */
    queryLogging: z.discriminatedUnion("enabled", [
      z.object({ enabled: z.literal(false) }).strict(),
      z.object({ enabled: z.literal(true), retentionDays: logRetentionDays }).strict(),
    ]),
    /** DNSSEC signing (a KMS key-signing key); the registrar / parent zone then needs the DS record. */
    dnssec: z.boolean(),
    deletionProtection: z.boolean(),
  })
  .strict();
export type ZoneInputs = z.infer<typeof zoneInputs>;

/** Inputs of dns/app-record: the name users reach, pointing at the ingress ALB(s). */
export const appRecordInputs = z
  .object({
    /** Label under the zone, e.g. "app" → app.<zone>. */
    recordName: z.string().regex(/^[a-z0-9-]+$/, { message: "must be one DNS label like app" }),
    /**
     * simple: an alias to this region's ALB. failover: PRIMARY alias to this region's ALB with a health check,
     * SECONDARY alias to the `secondary` dependency's ALB (the DR region).
     */
    routing: z.discriminatedUnion("mode", [
      z.object({ mode: z.literal("simple") }).strict(),
      z
        .object({
          mode: z.literal("failover"),
          /** TCP checks that the primary ingress answers on 443; HTTPS checks a path once a service serves it. */
          healthCheck: z.discriminatedUnion("type", [
            z.object({ type: z.literal("TCP") }).strict(),
            z.object({ type: z.literal("HTTPS"), path: z.string().startsWith("/") }).strict(),
          ]),
          failureThreshold: z.number().int().min(1).max(10),
          requestIntervalSeconds: z.union([z.literal(10), z.literal(30)]),
        })
        .strict(),
    ]),
  })
  .strict();
export type AppRecordInputs = z.infer<typeof appRecordInputs>;
