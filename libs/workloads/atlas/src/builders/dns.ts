import type { BuildContext, StackBuilder } from "@infra/core";
import { AliasRecord, DnssecSigningKey, Record as DnsRecord, HostedZone, type RecordTarget, TargetRecord, type ZoneRef, zoneDelegationOf } from "@infra/dns";
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
  const signing = inputs.dnssec
    ? new DnssecSigningKey(stack, "dnssec", {
        name: inputs.domain.replace(/\./g, "-"),
        accountId: ctx.env.accountId,
        deletionProtection: inputs.deletionProtection,
      })
    : undefined;
  const zone = new HostedZone(stack, "zone", {
    name: inputs.domain,
    comment: `AccountabilityAtlas public zone (${ctx.env.name})`,
    queryLogging: { retentionDays: inputs.queryLogRetentionDays, kmsKeyArn: keys.logs.keyArn },
    deletionProtection: inputs.deletionProtection,
    ...(signing ? { dnssec: { kmsKeyArn: signing.keyArn } } : {}),
    tags: atlasTags("dns"),
    delegation: zoneDelegationOf(inputs.delegation, () => ctx.dependency<{ zoneRef?: ZoneRef }>("parent")),
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
  if (inputs.api) {
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
