import type { BuilderRegistry } from "@infra/core";
import { buildFoundation } from "./builders/foundation";

export { type AccountNeeds, type FoundationOutputs, SERVICE_LINKED_ROLE_OF_RESOURCE, accountNeeds } from "./builders/foundation";

/** Stack builders of the account workload, by the key modules name in `builder`. */
export const accountBuilders: BuilderRegistry = {
  "account/foundation": buildFoundation,
};
