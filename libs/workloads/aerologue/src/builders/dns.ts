import type { StackBuilder } from "@infra/core";
import { HostedZone, type ZoneRef, zoneDelegationOf } from "@infra/dns";
import type { DnsInputs } from "../inputs/modules";
import { buildKms } from "./kms";

export interface DnsOutputs {
  readonly zone: HostedZone;
  readonly domain: string;
  /** For a child zone of this env delegated from this one (delegation "env-zone"). */
  readonly zoneRef: ZoneRef;
}

/** The env's public zone (ARC-008 names: the apex, api., ws.). The parent delegates to its name servers. */
export const buildDns: StackBuilder<DnsInputs, DnsOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildKms).regions["us-east-1"]!;
  const zone = new HostedZone(stack, "zone", {
    name: inputs.domain,
    comment: `Aerologue ${inputs.domain}`,
    queryLogging: { retentionDays: inputs.queryLogRetentionDays, kmsKeyArn: keys.logs.keyArn },
    deletionProtection: inputs.deletionProtection,
    delegation: zoneDelegationOf(inputs.delegation, () => ctx.dependency<{ zoneRef?: ZoneRef }>("parent")),
  });
  return { zone, domain: inputs.domain, zoneRef: { zoneId: zone.zoneId, zoneName: inputs.domain } };
};
