export { checkAddressSnapshot, type AddressSnapshot } from "./address-snapshot";
export { type EnvSynth, envSynthOnce, synthEnvOnce, TEST_TODAY } from "./env-synth";
export { describeEnvStacks } from "./env-stacks";
