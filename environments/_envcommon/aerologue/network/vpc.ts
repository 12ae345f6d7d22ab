import { vpcInputs } from "@infra/aerologue-inputs";
import { PRIMARY, regional } from "../names";
import { kms } from "../security/kms";
import { aerologueModule } from "../workload";

/**
 * ARC-003: the workload's own VPC over two AZs: public 10.0.1-2, private 10.0.10-11, isolated
 * 10.0.20-21 (/24 each), one NAT in AZ A, the standby NAT in B as an option; sg-alb, sg-lambda, sg-admin.
 */
export const vpc = aerologueModule("network/vpc", {
  schema: vpcInputs,
  dependencies: { kms: { module: kms, region: PRIMARY } },
  defaults: (ctx) => ({
    prefix: regional(ctx),
    cidr: ctx.region.cidrs["aerologue"],
    azs: ctx.region.azs.slice(0, 2),
    subnetNewBits: 8,
    subnetOffsets: { public: [1, 2], private: [10, 11], database: [20, 21] },
    nat: { mode: "single" as const },
    standbyNat: ctx.workload.standbyNat,
    // ARC-001 "security by default, audit logging": flow logs in every env (CMK, the env's log retention).
    flowLogs: { enabled: true, retentionDays: ctx.workload.logRetentionDays },
    albIngress: { port: 443, cidrs: ["0.0.0.0/0"] },
    adminIngress: { port: 443, cidrs: [...ctx.workload.adminIpCidrs] },
  }),
});
