// What the workloads' builders share (ADR 0085): pieces two workloads would otherwise each write.
export * from "./aurora-placement";
export * from "./log-bucket";
export * from "./master-rotation-alarm";
export * from "./public-zone";
export * from "./workload-builders";
