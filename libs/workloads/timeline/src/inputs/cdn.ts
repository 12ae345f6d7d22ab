import { z } from "zod";
import { dnsName, namePrefix, retentionDays } from "./common";
import { bucketLifecycle } from "./storage";

/**
 * Inputs of timeline-edge/cdn: seed 002's static assets. A private bucket served only through
 * CloudFront (origin access control), a CLOUDFRONT-scope WAF ACL, edge access logs.
 */
export const timelineCdnInputs = z
  .object({
    name: namePrefix,
    /** Region of the deployment: CloudFront's WAF ACL and ACM certificate live in us-east-1. */
    region: z.string(),
    priceClass: z.enum(["PriceClass_100", "PriceClass_200", "PriceClass_All"]),
    /**
     * Viewer certificate. Seed 002 names no domain, so the default is CloudFront's *.cloudfront.net
     * certificate; give an ACM certificate (us-east-1) and its aliases to serve a custom domain.
     */
    certificate: z.discriminatedUnion("type", [
      z.object({ type: z.literal("cloudfront-default") }).strict(),
      z
        .object({
          type: z.literal("acm"),
          certificateArn: z.string().regex(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/),
          aliases: z.array(dnsName).min(1),
        })
        .strict(),
    ]),
    defaultRootObject: z.string().min(1),
    /** Per-IP requests per 5 minutes before WAF blocks. */
    rateLimitPer5Min: z.number().int().min(10).max(2_000_000_000),
    logRetentionDays: retentionDays,
    /** Lifecycle of the assets bucket. */
    lifecycle: bucketLifecycle,
    /** Replicate the assets bucket to the DR region's replica (needs a "replica" dependency). */
    replicateToDr: z.boolean(),
    deletionProtection: z.boolean(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.region !== "us-east-1") {
      ctx.addIssue({
        code: "custom",
        path: ["region"],
        message: "the cdn deployment must be in us-east-1: CloudFront-scope WAF ACLs and ACM certificates exist only there",
      });
    }
  });
export type TimelineCdnInputs = z.infer<typeof timelineCdnInputs>;
