import type { VpcInputs } from "@infra/platform-inputs";
import type { StackBuilder } from "@infra/core";
import { Vpc } from "@infra/vpc";
import { atlasTags } from "./common";
import type { AtlasKeys } from "./kms";

export interface AtlasNetwork {
  readonly vpc: Vpc;
}

/** Phase 1: public 10.0.1.0/24 + data 10.0.20-21.0/24, no NAT; phase 2+: public/private/data over two AZs + NAT. */
export const buildAtlasVpc: StackBuilder<VpcInputs, AtlasNetwork> = (stack, inputs, ctx) => {
  const keys = ctx.dependency<AtlasKeys>("kms");
  const vpc = new Vpc(stack, "vpc", {
    name: inputs.name,
    cidr: inputs.cidr,
    azs: inputs.azs,
    subnetNewBits: inputs.subnetNewBits,
    subnetOffsets: inputs.subnetOffsets,
    nat: inputs.nat,
    flowLogs: inputs.flowLogs.enabled ? { enabled: true, retentionDays: inputs.flowLogs.retentionDays, kmsKeyArn: keys.logs.keyArn } : { enabled: false },
    tags: atlasTags("network"),
  });
  return { vpc };
};
