export { checkAddressSnapshot, type AddressSnapshot } from "./address-snapshot";
