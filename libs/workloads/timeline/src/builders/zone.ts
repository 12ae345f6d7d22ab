import type { StackBuilder } from "@infra/core";
import { publicZone } from "@infra/workload-shared";
import type { TimelineZoneInputs } from "../inputs/compute";
import { buildTimelineKms } from "./kms";

export interface TimelineZone {
  readonly zoneId: string;
  readonly name: string;
  readonly nameServers: string[];
}

/**
 * The public zone of the timeline's API (primary region; Route 53 is global): query logging to a CMK
 * log group and DNSSEC signing. The parent domain delegates to `nameServers` (and adds the DS record).
 */
export const buildTimelineZone: StackBuilder<TimelineZoneInputs, TimelineZone> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildTimelineKms);
  const zone = publicZone(stack, ctx, {
    domain: inputs.domain,
    comment: `Timeline API of ${ctx.env.name} (seed 002)`,
    // Route 53 query logs go to us-east-1 only; the timeline's primary region is us-east-1 (cdn schema).
    queryLogging: { retentionDays: ctx.settings.logRetentionDays, kmsKeyArn: keys.logs.keyArn },
    dnssec: true,
    deletionProtection: inputs.deletionProtection,
    delegation: inputs.delegation,
  });
  return { zoneId: zone.zoneId, name: inputs.domain, nameServers: zone.nameServers };
};
