import type { StackBuilder } from "@infra/core";
import { HostedZone } from "@infra/dns";
import type { DnsInputs } from "../inputs/modules";
import type { KmsOutputs } from "./kms";

export interface DnsOutputs {
  readonly zone: HostedZone;
  readonly domain: string;
}

/** The env's public zone (ARC-008 names: the apex, api., ws.). The parent delegates to its name servers. */
export const buildDns: StackBuilder<DnsInputs, DnsOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependency<KmsOutputs>("kms").regions["us-east-1"]!;
  const zone = new HostedZone(stack, "zone", {
    name: inputs.domain,
    comment: `Aerologue ${inputs.domain}`,
    queryLogging: { retentionDays: inputs.queryLogRetentionDays, kmsKeyArn: keys.logs.keyArn },
    deletionProtection: inputs.deletionProtection,
  });
  return { zone, domain: inputs.domain };
};
