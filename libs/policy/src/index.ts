export { attachPolicyPack, type PolicyPackOptions } from "./cdktf";
export { evaluate, type EvaluateOptions } from "./evaluate";
export { formatReport, formatViolation, unusedAcross } from "./format";
export { firstReference, isToken, referencesIn, type Reference } from "./refs";
export type { CheckResult, CheckStatus, InvalidWaiver, PolicyReport, RejectedWaiver } from "./report";
export { allRules, coverage, ruleById } from "./rules";
export { buildIndex, resourcesOf } from "./stack-index";
export type { Finding, Json, JsonObject, PolicyRule, Severity, StackIndex, SynthResource, TerraformJson } from "./types";
export { isProtected, matchesAddress, PROTECTED_TAG, waiverProblems, type Waiver } from "./waivers";
