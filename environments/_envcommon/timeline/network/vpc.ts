import { timelineNetworkInputs } from "@infra/timeline-inputs";
import { kms } from "../security/kms";
import { timelineModule } from "../workload";

/**
 * Seed 002 VPC architecture: public (load balancers, NAT), private (application servers) and
 * database (RDS, Redis) subnets in every AZ of the region (at least 2), a network ACL per tier,
 * security groups, flow logs in every env (seed 002 security considerations, unlike seed 004's
 * prod-only flow logs), and in the primary region the private zone "<env>.<internalDomain>".
 */
export const vpc = timelineModule("network/vpc", {
  builder: "network",
  schema: timelineNetworkInputs,
  dependencies: { kms },
  defaults: ({ env, region, settings, workload }) => ({
    name: `${env.name}-${region.name}-timeline`,
    cidr: region.cidrs["timeline"],
    azs: [...region.azs],
    subnetNewBits: 8,
    subnetOffsets: {
      public: region.azs.map((_, i) => 1 + i),
      private: region.azs.map((_, i) => 11 + i),
      database: region.azs.map((_, i) => 21 + i),
    },
    nat: settings.nat,
    flowLogs: { enabled: true, retentionDays: settings.flowLogs.retentionDays },
    ports: { app: 8080, database: 5432, cache: 6379 },
    privateZone: region.role === "primary" ? { create: true as const, name: `${env.name}.${workload.internalDomain}` } : { create: false as const },
  }),
});
