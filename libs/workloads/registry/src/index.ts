export { BUILDERS } from "./builders";
export { runEnvApp, userFacingError } from "./main";
export { resourceAddresses, resourcesOfType, synthEnvJson, type StackJson, type TerraformJson } from "./synth-json";
export { buildEnv, preflightFacts, type PreflightSynthOptions, type SynthEnvOptions, type SynthesizedEnv } from "./synth-env";
export { pruneStaleStacks, prunedMessage, type PrunedStack } from "./prune";
