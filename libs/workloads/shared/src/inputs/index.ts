// What the workloads' config sides share: plain config helpers, no cdktf (the environments layer imports them).
export * from "./subnet-layout";
export * from "./workload-modules";
