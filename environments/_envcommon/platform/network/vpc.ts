import { azIssues } from "@infra/config";
import { vpcInputs } from "@infra/platform-inputs";
import { kms } from "../security/kms";
import { platformModule } from "../workload";

/** _envcommon/networking/vpc.hcl: the platform VPC, subnets by cidrsubnet() offsets +1..3, +11..13, +21..23. */
export const vpc = platformModule("network/vpc", {
  schema: vpcInputs,
  // Seed 004 resource tags over the workload's (ADR 0070).
  tags: { service: "network" },
  dependencies: { kms },
  // A deployment that overrides azs may name only zones of its region (and of region.ts azs).
  check: (self) => azIssues(self),
  defaults: ({ env, region, settings }) => ({
    name: `${env.name}-${region.name}-platform`,
    cidr: region.cidrs["platform"],
    azs: [...region.azs],
    subnetNewBits: 8,
    subnetOffsets: { public: [1, 2, 3], private: [11, 12, 13], database: [21, 22, 23] },
    nat: settings.nat,
    flowLogs: settings.flowLogs,
  }),
});
