import { timelineEcrInputs } from "@infra/timeline-inputs";
import { kms } from "../security/kms";
import { timelineModule } from "../workload";

/**
 * Seed 002 "Container Registry: ECR for Docker images": the API repository of each region (the DR
 * region pulls from its own, so a primary-region outage does not stop it from starting tasks).
 */
export const ecr = timelineModule("compute/ecr", {
  schema: timelineEcrInputs,
  dependencies: { kms },
  defaults: ({ env, settings }) => ({
    repositoryName: `${env.name}-timeline-api`,
    imageTagMutability: "IMMUTABLE" as const,
    scanOnPush: true as const,
    expireUntaggedDays: 7,
    keepLastTagged: 30,
    deletionProtection: settings.deletionProtection,
  }),
});
