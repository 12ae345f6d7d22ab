// Mile Quest's config schemas (seed 003): plain zod, no cdktf, so environments/ can import them.
export * from "./common";
export * from "./compute";
export * from "./data";
export * from "./edge";
export * from "./integration";
export * from "./network";
export * from "./ops";
export * from "./security";
export * from "./web";
export * from "./workload";
