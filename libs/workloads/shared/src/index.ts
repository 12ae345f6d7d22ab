// What the workloads' builders share (ADR 0085): pieces two workloads would otherwise each write.
export * from "./workload-builders";
