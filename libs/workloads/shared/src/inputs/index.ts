// What the workloads' config sides share: plain config helpers, no cdktf (the environments layer imports them).
export * from "./workload-modules";
