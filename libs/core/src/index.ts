export * from "./builder";
export * from "./compose";
export * from "./deployment-stack";
export * from "./library-tag";
export * from "./stack-traces";
export * from "./prerequisites";
