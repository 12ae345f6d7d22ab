import type { StackBuilder } from "@infra/core";
import { Distribution, type Origin, type OriginGroup } from "@infra/cloudfront";
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
 * Phase 4 (ADR 0106): the static paths use an origin group, the bucket then its DR-region replica.
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
  // Phase 4: the static paths read the replica when the bucket fails (ADR 0106). The replica's bucket
  // policy and key policy (atlas-data/buckets in the DR region) let this account's distributions read.
  const failover = inputs.staticFailover;
  const replica: Record<string, Origin> = failover ? { "assets-replica": { type: "s3", bucketRegionalDomainName: failover.replicaBucketDomain } } : {};
  const groups: Record<string, OriginGroup> = failover
    ? { "assets-failover": { primary: "assets", secondary: "assets-replica", failoverStatusCodes: failover.statusCodes } }
    : {};
  const staticOrigin = failover ? "assets-failover" : "assets";
  const cdn = new Distribution(stack, "cdn", {
    name: inputs.name,
    origins: {
      assets: { type: "s3", bucketRegionalDomainName: inputs.assetsBucketDomain },
      ...replica,
      app: { type: "http", domainName: inputs.originDomain },
    },
    ...(failover ? { originGroups: groups } : {}),
    defaultBehavior: { origin: "app", allowedMethods: "ALL", cache: { type: "disabled" }, originRequestPolicy: "AllViewer" },
    behaviors: inputs.staticPaths.map((pathPattern) => ({ pathPattern, origin: staticOrigin, cache: { type: "managed-optimized" as const } })),
    certificate: { type: "acm", certificateArn: cert.certificateArn, aliases: inputs.aliases },
    webAclArn: acl.webAclArn,
    priceClass: inputs.priceClass,
    logging: { bucketDomainName: inputs.logBucketDomain, prefix: "cloudfront/" },
    tags,
  });
  return { domainName: cdn.domainName, hostedZoneId: cdn.hostedZoneId, distributionId: cdn.distributionId };
};
