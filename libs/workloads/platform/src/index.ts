import type { BuilderRegistry } from "@infra/core";
import { buildVpc } from "./builders/vpc";

export type { NetworkOutputs } from "./builders/vpc";

/** Stack builders of the platform workload (seed 004), by the key modules name in `builder`. */
export const platformBuilders: BuilderRegistry = {
  "platform/vpc": buildVpc,
};
