export * from "./modules";
export * from "./workload";
