import { defineModule } from "@infra/config";
import { type TimelineConfig, timelineEcrInputs } from "@infra/timeline-inputs";

/**
 * Seed 002 "Container Registry: ECR for Docker images": the API repository of each region (the DR
 * region pulls from its own, so a primary-region outage does not stop it from starting tasks).
 */
export const ecr = defineModule<typeof timelineEcrInputs, TimelineConfig>({
  workload: "timeline",
  category: "timeline-compute",
  module: "ecr",
  builder: "timeline/ecr",
  schema: timelineEcrInputs,
  source: "environments/_envcommon/timeline/compute/ecr.ts",
  dependencies: { kms: { category: "timeline-security", module: "kms" } },
  defaults: ({ env, settings }) => ({
    repositoryName: `${env.name}-timeline-api`,
    imageTagMutability: "IMMUTABLE" as const,
    scanOnPush: true as const,
    expireUntaggedDays: 7,
    keepLastTagged: 30,
    deletionProtection: settings.deletionProtection,
  }),
});
