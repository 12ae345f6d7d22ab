// The timeline's config schemas (seed 002): plain zod, no cdktf, so the environments/ layer can import them.
export * from "./cache";
export * from "./cdn";
export * from "./governance";
export * from "./kms";
export * from "./monitoring";
export * from "./network";
export * from "./rds";
export * from "./storage";
export * from "./workload";
export * from "./compute";
