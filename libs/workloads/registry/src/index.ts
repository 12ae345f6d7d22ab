export { BUILDERS } from "./builders";
export { runEnvApp, userFacingError } from "./main";
export { resourceAddresses, resourcesOfType, synthEnvJson, type StackJson, type TerraformJson } from "./synth-json";
export { buildEnv, preflightFacts, type PreflightSynthOptions, type SynthEnvOptions, type SynthesizedEnv } from "./synth-env";
export { PREREQUISITES_FILE, type PrerequisitesFile, envPrerequisites, readPrerequisitesFile, writePrerequisitesFile } from "./prerequisites-file";
export { pruneStaleStacks, prunedMessage, type PrunedStack } from "./prune";
