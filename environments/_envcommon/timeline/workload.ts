import { defineWorkload } from "@infra/config";
import { timelineConfig } from "@infra/timeline-inputs";

/** Seed 002: the timeline app's infrastructure (VPC, RDS, Redis, S3 + CloudFront, monitoring, Config, budgets, DR). */
export const timeline = defineWorkload({
  name: "timeline",
  project: "acme-timeline",
  schema: timelineConfig,
  defaults: {
    internalDomain: "timeline.internal",
    // Placeholder like the platform's example.com domains: envs set theirs (env.ts), delegated from the parent.
    publicDomain: "timeline.example.com",
    alarmEmails: [],
    // Envs set their own amount; the address is a placeholder for the team's FinOps list.
    budget: { monthlyLimitUsd: 100, emails: ["timeline-finops@example.com"] },
  },
  source: "environments/_envcommon/timeline/workload.ts",
});
