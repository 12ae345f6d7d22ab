export { checkAddressSnapshot, type AddressSnapshot } from "./address-snapshot";
export { synthEnvOnce } from "./env-synth";
export { describeEnvStacks } from "./env-stacks";
