// The platform's config schemas: plain zod, no cdktf, so the environments/ layer can import them.
export * from "./kms";
export * from "./peering";
export * from "./rds";
export * from "./vpc";
export * from "./workload";
