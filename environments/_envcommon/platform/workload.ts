import { defineWorkload } from "@infra/config";
import { platformConfig } from "@infra/platform-inputs";

/** Seed 004: the platform (VPC, RDS, ECS on EC2, monitoring, DR) that every env runs. */
export const platform = defineWorkload({
  name: "platform",
  project: "acme-platform",
  schema: platformConfig,
  defaults: { domain: "platform.example.com", githubRepository: "acme/aws-infra-monorepo" },
  source: "environments/_envcommon/platform/workload.ts",
});
