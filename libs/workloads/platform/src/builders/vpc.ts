import type { StackBuilder } from "@infra/core";
import { type Vpc, vpcFromInputs } from "@infra/vpc";
import type { VpcInputs } from "../inputs/vpc";
import { buildKms } from "./kms";

export interface NetworkOutputs {
  readonly vpc: Vpc;
}

export const buildVpc: StackBuilder<VpcInputs, NetworkOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildKms);
  const vpc = vpcFromInputs(stack, inputs, { flowLogsKeyArn: keys.logs.keyArn });
  return { vpc };
};
