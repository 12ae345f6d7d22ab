export { attachEnvPreflight, attachStackPreflight, type EnvStack, type PreflightMode, type PreflightPackOptions } from "./cdktf";
export { buildEnvIndex } from "./env-index";
export { evaluatePreflight, type PreflightOptions } from "./evaluate";
export { preflightRuleById, preflightRules } from "./rules";
export { transitionRules } from "./rules/phase-transitions";
export { evaluateTransition, type TransitionRule } from "./transition";
export type { DeclaredPrerequisite, EnvIndex, Located, PreflightFacts, PreflightRule, PreflightStackInput, StackView } from "./types";

/** Waivers of the preflight family are the env's waivers whose rule id starts with this. */
export const PREFLIGHT_PREFIX = "PRE-";
