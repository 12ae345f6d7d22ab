import type { StackBuilder } from "@infra/core";
import { Distribution } from "@infra/cloudfront";
import { Certificate } from "@infra/dns";
import { WebAcl } from "@infra/waf";
import type { AtlasCdnInputs } from "../inputs/modules";
import { atlasTags } from "./common";
import { buildAtlasZone } from "./dns";
import { buildAtlasKms } from "./kms";

export interface AtlasCdn {
  readonly domainName: string;
  readonly hostedZoneId: string;
  readonly distributionId: string;
}

/**
 * Phase 3+ prod, seed "Web Application Hosting": CloudFront serves static assets (JS, CSS, images) from
 * S3 through OAC; dynamic requests (SSR, API routes) go to the ALB. Its own CLOUDFRONT-scope web ACL.
 */
export const buildAtlasCdn: StackBuilder<AtlasCdnInputs, AtlasCdn> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildAtlasKms);
  const zone = ctx.dependencyOn("zone", buildAtlasZone);
  if (ctx.deployment.region.name !== "us-east-1")
    throw new Error(`atlas-edge/cdn must deploy in us-east-1 (CloudFront certificates and web ACLs live there), not ${ctx.deployment.region.name}`);
  const tags = atlasTags("web-app");
  const cert = new Certificate(stack, "certificate", {
    domainName: inputs.aliases[0]!,
    subjectAlternativeNames: inputs.aliases.slice(1),
    zoneId: zone.zoneId,
    tags,
  });
  const acl = new WebAcl(stack, "waf", {
    name: `${inputs.name}-edge`,
    scope: "CLOUDFRONT",
    description: "AccountabilityAtlas CloudFront, seed 001 phase 3",
    rateLimit: { limit: inputs.rateLimitPer5Min, evaluationWindowSec: 300, action: "block" },
    logging: { retentionDays: inputs.logRetentionDays, kmsKeyArn: keys.logs.keyArn },
    tags,
  });
  const cdn = new Distribution(stack, "cdn", {
    name: inputs.name,
    origins: {
      assets: { type: "s3", bucketRegionalDomainName: inputs.assetsBucketDomain },
      app: { type: "http", domainName: inputs.originDomain },
    },
    defaultBehavior: { origin: "app", allowedMethods: "ALL", cache: { type: "disabled" }, originRequestPolicy: "AllViewer" },
    behaviors: inputs.staticPaths.map((pathPattern) => ({ pathPattern, origin: "assets", cache: { type: "managed-optimized" as const } })),
    certificate: { type: "acm", certificateArn: cert.certificateArn, aliases: inputs.aliases },
    webAclArn: acl.webAclArn,
    priceClass: inputs.priceClass,
    logging: { bucketDomainName: inputs.logBucketDomain, prefix: "cloudfront/" },
    tags,
  });
  return { domainName: cdn.domainName, hostedZoneId: cdn.hostedZoneId, distributionId: cdn.distributionId };
};
