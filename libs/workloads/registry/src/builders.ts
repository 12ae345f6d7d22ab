import type { BuilderRegistry } from "@infra/core";
import { accountBuilders } from "@infra/account";
import { aerologueBuilders } from "@infra/aerologue";
import { atlasBuilders } from "@infra/atlas";
import { milequestBuilders } from "@infra/milequest";
import { platformBuilders } from "@infra/platform";
import { timelineBuilders } from "@infra/timeline";

/** Every stack builder of every workload. A module's `builder` key must be one of these. */
export const BUILDERS: BuilderRegistry = {
  ...accountBuilders,
  ...platformBuilders,
  ...timelineBuilders,
  ...milequestBuilders,
  ...atlasBuilders,
  ...aerologueBuilders,
};
