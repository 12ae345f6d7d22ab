import type { VpcInputs } from "@infra/platform-inputs";
import type { StackBuilder } from "@infra/core";
import { type Vpc, vpcFromInputs } from "@infra/vpc";
import { atlasTags } from "./common";
import { buildAtlasKms } from "./kms";

export interface AtlasNetwork {
  readonly vpc: Vpc;
}

/** Phase 1: public 10.0.1.0/24 + data 10.0.20-21.0/24, no NAT; phase 2+: public/private/data over two AZs + NAT. */
export const buildAtlasVpc: StackBuilder<VpcInputs, AtlasNetwork> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildAtlasKms);
  const vpc = vpcFromInputs(stack, inputs, { flowLogsKeyArn: keys.logs.keyArn, tags: atlasTags("network") });
  return { vpc };
};
