// The platform's config schemas: plain zod, no cdktf, so the environments/ layer can import them.
export * from "./vpc";
export * from "./workload";
