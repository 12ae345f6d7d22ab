import type { StackBuilder } from "@infra/core";
import { Vpc } from "@infra/vpc";
import type { VpcInputs } from "../inputs/vpc";
import type { KeyOutputs } from "./kms";

export interface NetworkOutputs {
  readonly vpc: Vpc;
}

export const buildVpc: StackBuilder<VpcInputs, NetworkOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependency<KeyOutputs>("kms");
  const vpc = new Vpc(stack, "vpc", {
    name: inputs.name,
    cidr: inputs.cidr,
    azs: inputs.azs,
    subnetNewBits: inputs.subnetNewBits,
    subnetOffsets: inputs.subnetOffsets,
    nat: inputs.nat,
    flowLogs: inputs.flowLogs.enabled
      ? { enabled: true, retentionDays: inputs.flowLogs.retentionDays, kmsKeyArn: keys.logs.keyArn }
      : { enabled: false },
  });
  return { vpc };
};
