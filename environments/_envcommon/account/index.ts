import { foundation } from "./foundation";

export { account } from "./workload";

/** The account workload's modules. */
export const accountModules = { foundation };
