import type { ZoneDelegationInput } from "@infra/config";
import type { ZoneDelegation } from "./hosted-zone";

/** What a zone deployment hands to a child zone delegated from it (`env-zone`): its id and name. */
export interface ZoneRef {
  readonly zoneId: string;
  readonly zoneName: string;
}

/**
 * The construct's delegation from the config input. `env-zone` reads the `parent` dependency's
 * `zoneRef` (every zone builder returns one), so the NS records go into that zone from this stack.
 */
export function zoneDelegationOf(input: ZoneDelegationInput, parent: () => { readonly zoneRef?: ZoneRef } | undefined): ZoneDelegation {
  if (input.kind !== "env-zone")
    return input.kind === "registrar" ? input : { kind: "external-zone", zone: input.zone, ...(input.env ? { env: input.env } : {}) };
  const ref = parent()?.zoneRef;
  if (!ref) throw new Error('delegation "env-zone": the "parent" dependency returns no zoneRef (it must be a zone deployment)');
  return { kind: "parent-zone", zoneId: ref.zoneId, zoneName: ref.zoneName };
}
