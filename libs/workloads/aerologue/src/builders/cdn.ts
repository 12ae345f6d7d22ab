import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version";
import { type StackBuilder, requirePrerequisite } from "@infra/core";
import { type Behavior, Distribution, type Origin } from "@infra/cloudfront";
import { AliasRecord, Certificate } from "@infra/dns";
import { SecureBucket } from "@infra/s3";
import { type ManagedRuleGroup, type ManagedRuleGroupName, WebAcl } from "@infra/waf";
import type { CdnInputs, OriginVerify } from "../inputs/modules";
import { buildApi } from "./api";
import { buildDns } from "./dns";
import { buildKms } from "./kms";
import { buildSecrets, type SecretsOutputs } from "./secrets";
import { buildStorage } from "./storage";

export interface CdnOutputs {
  readonly distribution: Distribution;
  /** api.<domain> and ws.<domain>: the APIs behind the same web ACL (docs/adr/0075). */
  readonly apiDistribution: Distribution;
  readonly wsDistribution: Distribution;
  readonly webAcl: WebAcl;
  readonly staticAssets: SecureBucket;
}

/**
 * The custom headers every request to an API origin carries. The value is read at plan time, so
 * the secret's value is a prerequisite of this stack's plan (an operator puts it).
 */
function originHeaders(
  stack: Parameters<StackBuilder<CdnInputs, CdnOutputs>>[0],
  verify: OriginVerify,
  secrets: SecretsOutputs["secrets"],
): Record<string, string> {
  if (verify.kind === "none") return {};
  const secret = secrets[verify.secretName];
  if (!secret) {
    throw new Error(
      `aerologue-edge/cdn: originVerify.secretName "${verify.secretName}" is not one of the secrets stack's secrets (${Object.keys(secrets).join(", ")}): add it to aerologue-security/secrets names`,
    );
  }
  requirePrerequisite(stack, {
    requirement: { kind: "secret-value", secret: verify.secretName, format: "a plain string of 32+ random characters" },
    neededAt: "plan",
    reason: `CloudFront sends it to the API origins as ${verify.headerName}; the API refuses requests without it (docs/adr/0075)`,
  });
  // By ARN: the secret of the secrets stack (deploys first), not a look-up by name.
  const version = new DataAwsSecretsmanagerSecretVersion(stack, "origin-verify", { secretId: secret.secretArn });
  return { [verify.headerName]: version.secretString };
}

/**
 * ARC-008 + ARC-009 edge: the static-assets bucket (the CDN's S3 origin lives with the CDN so the
 * bucket policy can name this distribution), the WAF web ACL (CLOUDFRONT scope, us-east-1), the
 * ACM certificates in us-east-1, the app distribution and its apex alias records, and one
 * distribution each for api.<domain> and ws.<domain> behind the same web ACL: WAF cannot be
 * associated with HTTP or WebSocket APIs themselves (docs/adr/0035, 0075).
 */
export const buildCdn: StackBuilder<CdnInputs, CdnOutputs> = (stack, inputs, ctx) => {
  if (ctx.deployment.region.name !== "us-east-1") throw new Error("aerologue-edge/cdn must deploy in us-east-1 (CloudFront certificates and WAF)");
  const keys = ctx.dependencyOn("kms", buildKms).regions["us-east-1"]!;
  const zone = ctx.dependencyOn("dns", buildDns).zone;
  const storage = ctx.dependencyOn("storage", buildStorage);
  const api = ctx.dependencyOn("api", buildApi);

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

  const certificate = new Certificate(stack, "certificate", {
    domainName: inputs.domain,
    subjectAlternativeNames: [`www.${inputs.domain}`],
    zoneId: zone.zoneId,
  });
  const ttl = (seconds: number) => ({ type: "ttl" as const, defaultTtlSeconds: seconds, maxTtlSeconds: seconds });
  // API origins: the API Gateway custom domains (never api./ws., the aliases below). CloudFront
  // sends Host = the origin name, which API Gateway maps to the API (AllViewerExceptHostHeader:
  // every other viewer header, with caching disabled Authorization too, the query string and the
  // Sec-WebSocket-* handshake headers).
  const headers = originHeaders(stack, inputs.originVerify, inputs.originVerify.kind === "none" ? {} : ctx.dependencyOn("secrets", buildSecrets).secrets);
  const apiOrigin: Origin = { type: "http", domainName: api.originApiDomain, customHeaders: headers };
  const wsOrigin: Origin = { type: "http", domainName: api.originWsDomain, customHeaders: headers };
  const passThrough: Omit<Behavior, "origin"> = {
    allowedMethods: "ALL",
    cache: { type: "disabled" },
    originRequestPolicy: "AllViewerExceptHostHeader",
    compress: true,
  };
  const distribution = new Distribution(stack, "cdn", {
    name: `${inputs.prefix}-cdn`,
    origins: {
      api: apiOrigin,
      websocket: wsOrigin,
      "static-assets": { type: "s3", bucketRegionalDomainName: staticAssets.bucketRegionalDomainName },
      tiles: { type: "s3", bucketRegionalDomainName: staticAssets.bucketRegionalDomainName },
    },
    behaviors: [
      { pathPattern: "/api/*", origin: "api", ...passThrough },
      { pathPattern: `/${inputs.wsMappingKey}/*`, origin: "websocket", ...passThrough },
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

  // api.<domain> and ws.<domain>: everything to the API, nothing cached, the same web ACL. A
  // distribution each, because behaviours route by path only and each host is all one API.
  const apiCertificate = new Certificate(stack, "api-certificate", { domainName: api.apiDomain, subjectAlternativeNames: [api.wsDomain], zoneId: zone.zoneId });
  const edge = (id: "api" | "ws", alias: string, origin: Origin) =>
    new Distribution(stack, `${id}-cdn`, {
      name: `${inputs.prefix}-${id}-cdn`,
      origins: { [id]: origin },
      defaultBehavior: { origin: id, ...passThrough },
      certificate: { type: "acm", certificateArn: apiCertificate.certificateArn, aliases: [alias] },
      webAclArn: webAcl.webAclArn,
      priceClass: inputs.priceClass,
      logging: { bucketDomainName: `${storage.logBucket.bucketName}.s3.amazonaws.com`, prefix: `cloudfront/${id}/` },
    });
  const apiDistribution = edge("api", api.apiDomain, apiOrigin);
  const wsDistribution = edge("ws", api.wsDomain, wsOrigin);

  for (const name of [inputs.domain, `www.${inputs.domain}`]) {
    new AliasRecord(stack, `alias-${name === inputs.domain ? "apex" : "www"}`, {
      zoneId: zone.zoneId,
      name,
      target: { dnsName: distribution.domainName, hostedZoneId: distribution.hostedZoneId },
    });
  }
  // The aliases move here from the API stack (where they pointed at API Gateway): docs/adr/0075.
  for (const [id, name, d] of [
    ["api", api.apiDomain, apiDistribution],
    ["ws", api.wsDomain, wsDistribution],
  ] as const) {
    new AliasRecord(stack, `alias-${id}`, { zoneId: zone.zoneId, name, target: { dnsName: d.domainName, hostedZoneId: d.hostedZoneId } });
  }
  return { distribution, apiDistribution, wsDistribution, webAcl, staticAssets };
};
