import { logRetentionDays } from "@infra/config";
import { z } from "zod";

/** Inputs of services/ingress: the region's internet-facing ALB in front of the ECS cluster. */
export const ingressInputs = z
  .object({
    name: z.string().min(1).max(32),
    /** The certificate's name (and the record that points here), e.g. app.dev.acme-platform.com. */
    domainName: z.string().min(3),
    deletionProtection: z.boolean(),
    /** Seed 004 logging strategy: load balancer logs to S3, kept 30 days. */
    accessLogRetentionDays: z.number().int().min(1),
    /** Requests per 5 minutes per client IP before the WAF blocks. */
    rateLimitPer5Min: z.number().int().min(100).max(2_000_000_000),
    wafLogRetentionDays: logRetentionDays,
  })
  .strict();
export type IngressInputs = z.infer<typeof ingressInputs>;
