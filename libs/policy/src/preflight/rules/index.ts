/** The preflight registry: every rule of the family. A new rule is added here and nowhere else. */
import type { PreflightRule } from "../types";
import { dependsOnReferences } from "./depends-on";
import { engineVersionPins } from "./engine-version";
import { namePatterns } from "./names";
import { timestreamLiveAnalytics } from "./timestream";
import { windowFormat } from "./window-format";
import { windowOverlap } from "./window-overlap";

export const preflightRules: readonly PreflightRule[] = [dependsOnReferences, windowFormat, windowOverlap, namePatterns, engineVersionPins, timestreamLiveAnalytics];

export function preflightRuleById(id: string): PreflightRule | undefined {
  return preflightRules.find((r) => r.id === id);
}
