import type { StackBuilder } from "@infra/core";
import { Vpc } from "@infra/vpc";
import type { VpcInputs } from "../inputs/vpc";

export interface NetworkOutputs {
  readonly vpc: Vpc;
}

export const buildVpc: StackBuilder<VpcInputs, NetworkOutputs> = (stack, inputs) => {
  const vpc = new Vpc(stack, "vpc", {
    name: inputs.name,
    cidr: inputs.cidr,
    azs: inputs.azs,
    subnetNewBits: inputs.subnetNewBits,
    subnetOffsets: inputs.subnetOffsets,
    nat: inputs.nat,
    flowLogs: inputs.flowLogs.enabled ? { enabled: true, retentionDays: inputs.flowLogs.retentionDays } : { enabled: false },
  });
  return { vpc };
};
