import { z } from "zod";
import { kebab } from "./schema";

/**
 * The tags seed 004 requires on every resource of a deployment (its "Custom Tags" block): which service
 * it belongs to, how critical it is, whether it must be backed up and whether it has a DR copy.
 * Layers, each optional, later wins (ADR 0070): the workload's defaults (`_envcommon/<workload>`), the
 * module's (`_envcommon/<category>/<module>`), the env's (`env.ts` `tags.<workload>`), the deployment's.
 * A workload that sets none at any layer gets none; one that sets any must end up with all four.
 */
export const resourceTags = z
  .object({
    /** The service the resources belong to (seed 004 `Service = "web"`), lower-case kebab-case. */
    service: kebab.max(64),
    /** Seed 004 `Criticality`: high/medium/low. */
    criticality: z.enum(["high", "medium", "low"]),
    /** Seed 004 `BackupRequired`: a backup plan selects resources by this tag (rendered "true"/"false"). */
    backupRequired: z.boolean(),
    /** Seed 004 `DisasterRecovery`: whether the deployment has a copy in the env's DR region. */
    disasterRecovery: z.enum(["enabled", "disabled"]),
  })
  .strict();
export type ResourceTags = z.infer<typeof resourceTags>;

/** The tag keys and values, as the provider's default_tags carry them (seed 004 spelling). */
export function renderResourceTags(tags: ResourceTags): Record<string, string> {
  return {
    Service: tags.service,
    Criticality: tags.criticality,
    BackupRequired: String(tags.backupRequired),
    DisasterRecovery: tags.disasterRecovery,
  };
}
