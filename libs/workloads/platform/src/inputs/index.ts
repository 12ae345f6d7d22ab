// The platform's config schemas: plain zod, no cdktf, so the environments/ layer can import them.
export * from "./app";
export * from "./backup";
export * from "./ci-access";
export * from "./dns";
export * from "./ecs";
export * from "./ingress";
export * from "./kms";
export * from "./log-shipping";
export * from "./monitoring";
export * from "./peering";
export * from "./rds";
export * from "./vpc";
export * from "./workload";
