// AccountabilityAtlas (seed 001) config schemas and the phase helper: plain zod and data, no cdktf.
export * from "./modules";
export * from "./phase";
export * from "./workload";
