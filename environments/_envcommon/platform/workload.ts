import { defineWorkload } from "@infra/config";
import { type PlatformConfig, platformConfig } from "@infra/platform-inputs";
import { workloadModules } from "@infra/workload-shared-inputs";

/** Seed 004: the platform (VPC, RDS, ECS on EC2, monitoring, DR) that every env runs. */
export const platform = defineWorkload({
  name: "platform",
  project: "acme-platform",
  schema: platformConfig,
  // The organisation's platform domain (seed 004 names none, but asks HTTPS-only in uat/prod, so its
  // certificates must validate: never a reserved domain like example.com). prod serves the apex; the
  // other envs a sub-zone <env>.<apex> (env.ts). docs/adr/0014-dns-delegation.md
  defaults: { domain: "acme-platform.com", apexDomain: "acme-platform.com", githubRepository: "acme/aws-infra-monorepo", alarmEmails: [] },
  // Seed 004's required resource tags (ADR 0070): each module names its service; env.ts states only differences.
  tags: { service: "platform", criticality: "low", backupRequired: false, disasterRecovery: "disabled" },
});

/** Defines a platform module by its `"<folder>/<module>"` under this folder: the platform's categories are its folders (`network`, `data`, ...), its builders `platform/<module>`. */
export const platformModule = workloadModules<PlatformConfig>("platform", { category: (folder) => folder });
