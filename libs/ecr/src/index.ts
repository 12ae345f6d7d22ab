export { DEFAULT_LIFECYCLE_RULES, renderLifecyclePolicy, type LifecycleRule } from "./lifecycle";
export { ECR_PULL_ACTIONS, ecrPullStatements } from "./pull";
export { Repository, renderRepositoryPolicy, type RepositoryPolicyGrant, type RepositoryProps } from "./repository";
