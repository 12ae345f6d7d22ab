import { deploymentIdOf } from "./naming";
import type { WaiverConfig } from "./schema";

/**
 * An env waiver of `rule` on the resources matching `address` in the deployment of `module` in `region`
 * (env waivers name deployments by id, ADR 0120).
 */
export function deploymentWaiver(
  module: { readonly category: string; readonly module: string },
  region: string,
  waiver: { readonly rule: string; readonly address: string; readonly reason: string; readonly expires?: string },
): WaiverConfig {
  return {
    rule: waiver.rule,
    deployments: [deploymentIdOf(module, region)],
    address: waiver.address,
    reason: waiver.reason,
    ...(waiver.expires ? { expires: waiver.expires } : {}),
  };
}
