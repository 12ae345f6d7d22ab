export { checkAddressSnapshot, type AddressSnapshot } from "./address-snapshot";
export { describeEnvStacks } from "./env-stacks";
