import type { StackBuilder } from "@infra/core";
import type { HostedZone, ZoneRef } from "@infra/dns";
import { publicZone } from "@infra/workload-shared";
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
  const zone = publicZone(stack, ctx, {
    domain: inputs.domain,
    comment: `Aerologue ${inputs.domain}`,
    queryLogging: { retentionDays: inputs.queryLogRetentionDays, kmsKeyArn: keys.logs.keyArn },
    dnssec: false,
    deletionProtection: inputs.deletionProtection,
    delegation: inputs.delegation,
  });
  return { zone, domain: inputs.domain, zoneRef: { zoneId: zone.zoneId, zoneName: inputs.domain } };
};
