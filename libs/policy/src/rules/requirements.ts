/**
 * Declarative rules: most rules of the pack say "on these resource types, attribute X must be
 * true / one of these values / a customer-managed KMS key". `requirementRule` builds such a rule
 * from its metadata and a list of requirements, so a rule file states what it wants and nothing
 * else; the check stays pure (values in, findings out, in the order the requirements are listed).
 */
import type { Finding, JsonObject, PolicyRule, StackIndex } from "../types";
import { requireCmk, requireOneOf, requireTrue } from "./helpers";

/** One condition on a resource's synthesized attributes: empty array = met. */
export type Requirement = (values: JsonObject, index: StackIndex) => Finding[];

/** `path` (dotted, list blocks stepped through) is true or "true". */
export const mustBeTrue =
  (path: string): Requirement =>
  (values) =>
    requireTrue(values, path);

/** `path` equals one of `allowed`; unset counts as wrong. */
export const mustBeOneOf =
  (path: string, allowed: readonly (string | number)[]): Requirement =>
  (values) =>
    requireOneOf(values, path, allowed);

/** `path` names a customer-managed KMS key (see `isCmk`). */
export const mustBeCmk =
  (path: string): Requirement =>
  (values, index) =>
    requireCmk(values, path, index);

export interface RequirementRuleSpec extends Omit<PolicyRule, "check"> {
  /** Checked in order; a resource's findings are the concatenation of theirs. */
  readonly requires: readonly Requirement[];
}

/** A rule whose check is exactly its requirements, met by every resource it applies to. */
export function requirementRule({ requires, ...rule }: RequirementRuleSpec): PolicyRule {
  return { ...rule, check: (resource, index) => requires.flatMap((requirement) => requirement(resource.values, index)) };
}
