import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import type { BuildContext, StackBuilder } from "@infra/core";
import { AliasRecord, Record as DnsRecord, HealthCheck, type RecordTarget, TargetRecord, type ZoneRef } from "@infra/dns";
import { publicZone } from "@infra/workload-shared";
import { Construct } from "constructs";
import type { AtlasRecordsInputs, AtlasZoneInputs } from "../inputs/modules";
import { buildAtlasAlb } from "./alb";
import { buildAtlasCdn } from "./cdn";
import { atlasTags } from "./common";

import { buildAtlasDockerHost, liveHost } from "./docker-host";
import { buildAtlasKms } from "./kms";

export interface AtlasZone {
  readonly zoneId: string;
  readonly name: string;
  readonly nameServers: string[];
  /** For a child zone of this env delegated from this one (delegation "env-zone"). */
  readonly zoneRef: ZoneRef;
}

/** Route 53 public zone: every phase (records change with the phase, the zone never does). */
export const buildAtlasZone: StackBuilder<AtlasZoneInputs, AtlasZone> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildAtlasKms);
  const zone = publicZone(stack, ctx, {
    domain: inputs.domain,
    comment: `AccountabilityAtlas public zone (${ctx.env.name})`,
    queryLogging: { retentionDays: inputs.queryLogRetentionDays, kmsKeyArn: keys.logs.keyArn },
    dnssec: inputs.dnssec,
    deletionProtection: inputs.deletionProtection,
    tags: atlasTags("dns"),
    delegation: inputs.delegation,
  });
  return { zoneId: zone.zoneId, name: inputs.domain, nameServers: zone.nameServers, zoneRef: { zoneId: zone.zoneId, zoneName: inputs.domain } };
};

/** The seed's DNS Configuration table of the phase. */
export const buildAtlasRecords: StackBuilder<AtlasRecordsInputs, Record<string, never>> = (stack, inputs, ctx) => {
  const zone = ctx.dependencyOn("zone", buildAtlasZone);
  const apex = inputs.zone;
  // One record at one address in every phase (EIP, then ALB, then CloudFront): updated in place, never
  // deleted and recreated under a new id (Route 53 would refuse the create while the old one exists).
  const target = apexTarget(inputs.apex, ctx);
  if (target) new TargetRecord(stack, "apex", { zoneId: zone.zoneId, name: apex, target });
  if (inputs.www) new DnsRecord(stack, "www", { zoneId: zone.zoneId, name: `www.${apex}`, type: "CNAME", values: [apex], ttl: 300 });
  if (inputs.api && inputs.apiFailover) {
    apiFailover(stack, inputs.apiFailover, zone.zoneId, `api.${apex}`, ctx);
  } else if (inputs.api) {
    const alb = ctx.dependencyOn("alb", buildAtlasAlb);
    new AliasRecord(stack, "api-alias", {
      zoneId: zone.zoneId,
      name: `api.${apex}`,
      target: { dnsName: alb.dnsName, hostedZoneId: alb.zoneId, evaluateTargetHealth: true },
      ipv6: false,
    });
  }
  return {};
};

/**
 * api.<zone> as a failover pair (phase 4, ADR 0106). The PRIMARY answer is the record phase 2-3's
 * `AliasRecord "api-alias"` made (its A record, construct id "a"), at the same Terraform address: the
 * plan updates it in place (Route 53 swaps the plain record for the PRIMARY one in one change batch),
 * and the SECONDARY is created after it (depends_on), so Route 53 never sees a failover record beside a
 * plain one of the same name. The health check requests the primary ALB by its own name (no DNS of ours
 * in the loop, so a failover cannot make it check the DR side); Route 53 does not verify certificates.
 */
function apiFailover(scope: Construct, f: NonNullable<AtlasRecordsInputs["apiFailover"]>, zoneId: string, name: string, ctx: BuildContext): void {
  const alb = ctx.dependencyOn("alb", buildAtlasAlb);
  const dr = ctx.dependencyOn("drAlb", buildAtlasAlb);
  const check = new HealthCheck(scope, "api-primary-health", {
    fqdn: alb.dnsName,
    type: "HTTPS",
    port: 443,
    path: f.healthCheckPath,
    failureThreshold: f.failureThreshold,
    requestInterval: 30,
    name: `${name} PRIMARY (${ctx.deployment.region.name} ALB)`,
    tags: atlasTags("dns"),
  });
  const samePathAsTheAlias = new Construct(scope, "api-alias");
  const primary = new Route53Record(samePathAsTheAlias, "a", {
    zoneId,
    name,
    type: "A",
    setIdentifier: "primary",
    failoverRoutingPolicy: { type: "PRIMARY" },
    healthCheckId: check.healthCheckId,
    alias: { name: alb.dnsName, zoneId: alb.zoneId, evaluateTargetHealth: true },
  });
  new Route53Record(scope, "api-secondary", {
    zoneId,
    name,
    type: "A",
    setIdentifier: "secondary",
    failoverRoutingPolicy: { type: "SECONDARY" },
    // Standby has no task behind it: Route 53 answers with it only once the failover script started them.
    alias: { name: dr.dnsName, zoneId: dr.zoneId, evaluateTargetHealth: true },
    dependsOn: [primary],
  });
}

/** What the apex answers in the phase: the host's Elastic IP (1), the ALB (2), CloudFront (3+), or nothing. */
function apexTarget(apex: AtlasRecordsInputs["apex"], ctx: BuildContext): RecordTarget | undefined {
  switch (apex) {
    case "host":
      return { values: [liveHost(ctx.dependencyOn("host", buildAtlasDockerHost)).publicIp], ttl: 300 };
    case "alb": {
      const alb = ctx.dependencyOn("alb", buildAtlasAlb);
      return { alias: { dnsName: alb.dnsName, hostedZoneId: alb.zoneId, evaluateTargetHealth: true } };
    }
    case "cdn": {
      const cdn = ctx.dependencyOn("cdn", buildAtlasCdn);
      return { alias: { dnsName: cdn.domainName, hostedZoneId: cdn.hostedZoneId } };
    }
    case "none":
      return undefined;
  }
}
