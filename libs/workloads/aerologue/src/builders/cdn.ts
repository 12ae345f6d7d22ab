import type { StackBuilder } from "@infra/core";
import { Distribution } from "@infra/cloudfront";
import { AliasRecord, Certificate } from "@infra/dns";
import { SecureBucket } from "@infra/s3";
import { type ManagedRuleGroup, type ManagedRuleGroupName, WebAcl } from "@infra/waf";
import type { CdnInputs } from "../inputs/modules";
import type { ApiOutputs } from "./api";
import type { DnsOutputs } from "./dns";
import type { KmsOutputs } from "./kms";
import type { StorageOutputs } from "./storage";

export interface CdnOutputs {
  readonly distribution: Distribution;
  readonly webAcl: WebAcl;
  readonly staticAssets: SecureBucket;
}

/**
 * ARC-008 + ARC-009 edge: the static-assets bucket (the CDN's S3 origin lives with the CDN so the
 * bucket policy can name this distribution), the WAF web ACL (CLOUDFRONT scope, us-east-1), the
 * ACM certificate in us-east-1, the distribution and the apex alias records.
 */
export const buildCdn: StackBuilder<CdnInputs, CdnOutputs> = (stack, inputs, ctx) => {
  if (ctx.deployment.region.name !== "us-east-1") throw new Error("aerologue-edge/cdn must deploy in us-east-1 (CloudFront certificates and WAF)");
  const keys = ctx.dependency<KmsOutputs>("kms").regions["us-east-1"]!;
  const zone = ctx.dependency<DnsOutputs>("dns").zone;
  const storage = ctx.dependency<StorageOutputs>("storage");
  const api = ctx.dependency<ApiOutputs>("api");

  const staticAssets = new SecureBucket(stack, "static-assets", {
    bucketName: `${inputs.prefix}-static-assets`,
    encryption: { mode: "kms", kmsKeyArn: keys.data.keyArn },
    accessLogs: { targetBucketName: storage.logBucket.bucketName },
    deletionProtection: ctx.settings.deletionProtection,
  });

  const groups: ManagedRuleGroup[] = inputs.waf.managedRuleGroups.map((name) => ({ name: name as ManagedRuleGroupName }));
  if (inputs.waf.botControl === "challenge") {
    groups.push({ name: "AWSManagedRulesBotControlRuleSet", inspectionLevel: "COMMON", excludePathPrefixes: inputs.waf.botControlExcludePaths });
  }
  const webAcl = new WebAcl(stack, "waf", {
    name: `${inputs.prefix}-waf`,
    scope: "CLOUDFRONT",
    description: "Aerologue edge protection, ARC-009",
    managedRuleGroups: groups,
    rateLimit: { limit: inputs.waf.rateLimitPer5Min, evaluationWindowSec: 300, action: "block" },
    geoBlockCountries: inputs.waf.geoBlockCountries,
    logging: { retentionDays: inputs.waf.logRetentionDays, kmsKeyArn: keys.logs.keyArn },
  });

  const certificate = new Certificate(stack, "certificate", { domainName: inputs.domain, subjectAlternativeNames: [`www.${inputs.domain}`], zoneId: zone.zoneId });
  const ttl = (seconds: number) => ({ type: "ttl" as const, defaultTtlSeconds: seconds, maxTtlSeconds: seconds });
  const distribution = new Distribution(stack, "cdn", {
    name: `${inputs.prefix}-cdn`,
    origins: {
      api: { type: "http", domainName: api.apiDomain },
      websocket: { type: "http", domainName: api.wsDomain },
      "static-assets": { type: "s3", bucketRegionalDomainName: staticAssets.bucketRegionalDomainName },
      tiles: { type: "s3", bucketRegionalDomainName: staticAssets.bucketRegionalDomainName },
    },
    behaviors: [
      { pathPattern: "/api/*", origin: "api", allowedMethods: "ALL", cache: { type: "disabled" }, originRequestPolicy: "AllViewerExceptHostHeader", compress: true },
      { pathPattern: `/${inputs.wsMappingKey}/*`, origin: "websocket", allowedMethods: "ALL", cache: { type: "disabled" }, originRequestPolicy: "AllViewerExceptHostHeader", compress: true },
      { pathPattern: "/tiles/*", origin: "tiles", cache: ttl(inputs.ttls.tilesSeconds), compress: true },
      { pathPattern: "/static/*", origin: "static-assets", cache: ttl(inputs.ttls.staticSeconds), compress: true },
    ],
    defaultBehavior: { origin: "static-assets", cache: ttl(inputs.ttls.defaultSeconds), compress: true },
    defaultRootObject: "index.html",
    certificate: { type: "acm", certificateArn: certificate.certificateArn, aliases: [inputs.domain, `www.${inputs.domain}`] },
    webAclArn: webAcl.webAclArn,
    priceClass: inputs.priceClass,
    logging: { bucketDomainName: `${storage.logBucket.bucketName}.s3.amazonaws.com`, prefix: "cloudfront/" },
  });
  staticAssets.allowCloudFrontRead(distribution.distributionArn);

  for (const name of [inputs.domain, `www.${inputs.domain}`]) {
    new AliasRecord(stack, `alias-${name === inputs.domain ? "apex" : "www"}`, {
      zoneId: zone.zoneId,
      name,
      target: { dnsName: distribution.domainName, hostedZoneId: distribution.hostedZoneId },
    });
  }
  return { distribution, webAcl, staticAssets };
};
