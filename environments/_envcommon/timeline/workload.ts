import { defineWorkload } from "@infra/config";
import { type TimelineConfig, timelineConfig } from "@infra/timeline-inputs";
import { workloadModules } from "@infra/workload-shared-inputs";

/** Seed 002: the timeline app's infrastructure (VPC, RDS, Redis, S3 + CloudFront, monitoring, Config, budgets, DR). */
export const timeline = defineWorkload({
  name: "timeline",
  project: "acme-timeline",
  schema: timelineConfig,
  defaults: {
    internalDomain: "timeline.internal",
    // Seed 002 names no domain: prod's apex (delegated at the registrar); envs use <env>.acme-timeline.com,
    // delegated from prod's zone (docs/adr/0014-dns-delegation.md).
    publicDomain: "acme-timeline.com",
    alarmEmails: [],
    // Envs set their own amount; the address is a placeholder for the team's FinOps list.
    budget: { monthlyLimitUsd: 100, emails: ["timeline-finops@example.com"] },
  },
});

/** Defines a timeline module by its `"<folder>/<module>"` under this folder (category `timeline-<folder>`, builder `timeline/<module>`). */
export const timelineModule = workloadModules<TimelineConfig>("timeline");
