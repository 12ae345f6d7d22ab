export { BUILDERS } from "./builders";
export { runEnvApp } from "./main";
export { buildEnv, type SynthEnvOptions, type SynthesizedEnv } from "./synth-env";
