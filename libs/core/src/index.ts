export * from "./account-requirements";
export * from "./builder";
export * from "./compose";
export * from "./deployment-stack";
export * from "./library-tag";
export * from "./publish-targets";
export * from "./stack-traces";
