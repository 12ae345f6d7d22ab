import { vpcInputs } from "@infra/milequest-inputs";
import { type Ctx, regionalName, milequestModule } from "../common";
import { kms } from "../security/kms";

/** Seed 003 "VPC / Private Subnets": public (NAT), private (Lambda), database (Aurora, ElastiCache) over 3 AZs. */
export const vpc = milequestModule("network/vpc", {
  schema: vpcInputs,
  dependencies: { kms },
  defaults: (ctx: Ctx) => ({
    name: regionalName(ctx),
    cidr: ctx.region.cidrs["milequest"],
    azs: [...ctx.region.azs],
    subnetOffsets: { public: [1, 2, 3], private: [11, 12, 13], database: [21, 22, 23] },
    // Seed 003's cost baseline has one NAT gateway ($45/month): single NAT in every env.
    nat: { mode: "single" as const },
    // Seed 003 is silent on flow logs; they are the secure default in every env (policy INF-VPC-001).
    flowLogs: { enabled: true, retentionDays: ctx.settings.logRetentionDays },
  }),
});
