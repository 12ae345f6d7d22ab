import type { StackBuilder } from "@infra/core";
import { Distribution } from "@infra/cloudfront";
import { AliasRecord, Certificate, FailoverRecordSet, HealthCheck, type ZoneRef } from "@infra/dns";
import { logBucket, publicZone } from "@infra/workload-shared";
import { WebAcl } from "@infra/waf";
import type { CdnInputs, RoutingInputs, WafInputs, ZoneInputs } from "../inputs";
import { buildRestApi, type RestApiOutputs } from "./rest-api";
import { HEALTH_PATH } from "./rest-api";
import { buildKms } from "./security";
import { buildWebsocket } from "./websocket";

/** CloudFront, its WAF and ACM certificates, and Route 53 query logs must live in us-east-1. */
function requireUsEast1(id: string, region: string): void {
  if (region !== "us-east-1")
    throw new Error(`${id}: CloudFront-scope resources (WAF, ACM certificate, query logs) must be deployed in us-east-1, not ${region}`);
}

export interface ZoneOutputs {
  readonly zoneId: string;
  readonly domain: string;
  readonly nameServers: string[];
  /** For a child zone of this env delegated from this one (delegation "env-zone"). */
  readonly zoneRef: ZoneRef;
}

/** Seed 003 "Route 53 mile-quest.com": the env's public zone with query logging and DNSSEC signing. */
export const buildZone: StackBuilder<ZoneInputs, ZoneOutputs> = (stack, inputs, ctx) => {
  requireUsEast1(ctx.deployment.id, ctx.deployment.region.name);
  const keys = ctx.dependencyOn("kms", buildKms);
  const zone = publicZone(stack, ctx, {
    domain: inputs.domain,
    comment: `Mile Quest ${ctx.env.name} (seed 003)`,
    queryLogging: { retentionDays: inputs.queryLogRetentionDays, kmsKeyArn: keys.logs.keyArn },
    dnssec: inputs.dnssec,
    deletionProtection: inputs.deletionProtection,
    delegation: inputs.delegation,
  });
  return { zoneId: zone.zoneId, domain: inputs.domain, nameServers: zone.nameServers, zoneRef: { zoneId: zone.zoneId, zoneName: inputs.domain } };
};

export interface EdgeWafOutputs {
  readonly webAclArn: string;
  readonly webAclName: string;
}

/**
 * Seed 003 "AWS WAF"'s managed rules and XSS match rule: the edge ACL (CloudFront) and the REST API's
 * regional ACL apply the same set.
 */
export const SEED_WAF_RULES = {
  managedRuleGroups: [
    { name: "AWSManagedRulesAmazonIpReputationList" },
    { name: "AWSManagedRulesCommonRuleSet" },
    { name: "AWSManagedRulesKnownBadInputsRuleSet" },
    { name: "AWSManagedRulesSQLiRuleSet" },
  ],
  xssRule: true,
} as const;

/**
 * Seed 003 "AWS WAF" with its rules: rate limiting (per IP), geo blocking (countries from config;
 * no rule when empty), SQL injection (AWSManagedRulesSQLiRuleSet) and XSS (the Common rule set plus
 * an explicit XSS match rule), with IP reputation and known bad inputs. CLOUDFRONT scope: it guards
 * the API distribution and both Amplify apps. AWS Shield Standard is on for every CloudFront
 * distribution and Route 53 zone at no cost, with nothing to configure.
 */
export const buildEdgeWaf: StackBuilder<WafInputs, EdgeWafOutputs> = (stack, inputs, ctx) => {
  requireUsEast1(ctx.deployment.id, ctx.deployment.region.name);
  const keys = ctx.dependencyOn("kms", buildKms);
  const acl = new WebAcl(stack, "waf", {
    name: inputs.name,
    scope: "CLOUDFRONT",
    description: "Mile Quest edge: API distribution and Amplify apps",
    ...SEED_WAF_RULES,
    rateLimit: { limit: inputs.rateLimitPer5Min },
    geoBlockCountries: inputs.geoBlockCountries,
    logging: { retentionDays: inputs.logRetentionDays, kmsKeyArn: keys.logs.keyArn },
  });
  return { webAclArn: acl.webAclArn, webAclName: acl.webAclName };
};

export interface CdnOutputs {
  readonly distribution: Distribution;
}

/** Seed 003 "CloudFront CDN" → API Gateway: api.<domain> on CloudFront with the edge WAF; the origin is the failover-routed regional API. */
export const buildCdn: StackBuilder<CdnInputs, CdnOutputs> = (stack, inputs, ctx) => {
  requireUsEast1(ctx.deployment.id, ctx.deployment.region.name);
  const zone = ctx.dependencyOn("dns", buildZone);
  const waf = ctx.dependencyOn("waf", buildEdgeWaf);
  const logs = logBucket(stack, "cdn-logs", {
    bucketName: `${inputs.name}-cdn-logs`,
    logSources: ["cloudfront"],
    accountId: ctx.env.accountId,
    expiration: { ruleId: "expire", days: inputs.logExpirationDays },
    deletionProtection: inputs.deletionProtection,
    forceDestroy: !inputs.deletionProtection,
  });
  const certificate = new Certificate(stack, "api-certificate", { domainName: inputs.apiDomain, zoneId: zone.zoneId });
  const distribution = new Distribution(stack, "api-cdn", {
    name: inputs.name,
    origins: { api: { type: "http", domainName: inputs.originDomain, readTimeoutSeconds: 30 } },
    defaultBehavior: { origin: "api", allowedMethods: "ALL", cache: { type: "disabled" }, originRequestPolicy: "AllViewerExceptHostHeader" },
    certificate: { type: "acm", certificateArn: certificate.certificateArn, aliases: [inputs.apiDomain] },
    webAclArn: waf.webAclArn,
    priceClass: inputs.priceClass,
    logging: { bucketDomainName: `${logs.bucketName}.s3.amazonaws.com`, prefix: "api/" },
  });
  new AliasRecord(stack, "api-record", {
    zoneId: zone.zoneId,
    name: inputs.apiDomain,
    target: { dnsName: distribution.domainName, hostedZoneId: distribution.hostedZoneId },
  });
  return { distribution };
};

export interface RoutingOutputs {
  readonly healthCheckIds: readonly string[];
}

/**
 * Records of the regional APIs. Prod: seed 003 "Route 53 Health Checks" on both regions' REST
 * APIs and a "Failover Policy" (PRIMARY us-east-1, SECONDARY us-west-2) for the API origin and
 * ws.<domain>. Staging: plain alias records.
 */
export const buildRouting: StackBuilder<RoutingInputs, RoutingOutputs> = (stack, inputs, ctx) => {
  const zone = ctx.dependencyOn("dns", buildZone);
  const rest = ctx.dependencyOn("rest", buildRestApi);
  const ws = ctx.dependencyOn("websocket", buildWebsocket);
  const originDomain = `api-origin.${zone.domain}`;
  const wsDomain = `ws.${zone.domain}`;
  if (!inputs.failover) {
    new AliasRecord(stack, "api-origin", {
      zoneId: zone.zoneId,
      name: originDomain,
      ipv6: false,
      target: { dnsName: rest.regionalDomainName, hostedZoneId: rest.regionalZoneId },
    });
    new AliasRecord(stack, "ws", {
      zoneId: zone.zoneId,
      name: wsDomain,
      ipv6: false,
      target: { dnsName: ws.regionalDomainName, hostedZoneId: ws.regionalZoneId },
    });
    return { healthCheckIds: [] };
  }
  const standbyRest = ctx.dependencyOn("standbyRest", buildRestApi);
  const standbyWs = ctx.dependencyOn("standbyWebsocket", buildWebsocket);
  const check = (id: string, api: RestApiOutputs) =>
    new HealthCheck(stack, id, {
      fqdn: api.executeApiHost,
      path: `/${api.stageName}${HEALTH_PATH}`,
      type: "HTTPS_STR_MATCH",
      searchString: '"status":"ok"',
      requestInterval: inputs.healthCheckIntervalSeconds,
      failureThreshold: inputs.failureThreshold,
      name: `milequest-${ctx.env.name}-${id}`,
    });
  const primary = check("primary-api", rest);
  const secondary = check("standby-api", standbyRest);
  const endpoints = (p: { regionalDomainName: string; regionalZoneId: string }, s: { regionalDomainName: string; regionalZoneId: string }) => ({
    primary: { target: { alias: { dnsName: p.regionalDomainName, hostedZoneId: p.regionalZoneId } }, healthCheckId: primary.healthCheckId },
    secondary: { target: { alias: { dnsName: s.regionalDomainName, hostedZoneId: s.regionalZoneId } }, healthCheckId: secondary.healthCheckId },
  });
  new FailoverRecordSet(stack, "api-origin-failover", { zoneId: zone.zoneId, name: originDomain, ...endpoints(rest, standbyRest) });
  new FailoverRecordSet(stack, "ws-failover", { zoneId: zone.zoneId, name: wsDomain, ...endpoints(ws, standbyWs) });
  return { healthCheckIds: [primary.healthCheckId, secondary.healthCheckId] };
};
