import { vpcInputs } from "@infra/platform-inputs";
import { type AtlasContext, features, inDr, inPrimary, KMS } from "../features";
import { atlasModule } from "../workload";

/**
 * Phase 1 "Simplified VPC": public 10.0.1.0/24 (1a), data 10.0.20.0/24 (1a) + 10.0.21.0/24 (1b), no NAT.
 * Phase 2+: public 1-2, private 10-11, data 20-21 over two AZs, one NAT gateway.
 * Phase 4 prod: the same plan in the DR region under its own CIDR (ADR 0106 pilot light), so the DR
 * ECS services, ALB and the database restored at activation have their subnets.
 */
export const vpc = atlasModule("network/vpc", {
  schema: vpcInputs,
  enabled: (ctx: AtlasContext) => inPrimary(ctx) || inDr(ctx),
  dependencies: { kms: KMS },
  // Flow logs follow the env's settings.flowLogs (seed 004 VPC table: prod only), as the platform's VPC does.
  waivers: (ctx: AtlasContext) =>
    ctx.settings.flowLogs.enabled
      ? []
      : [{ rule: "INF-VPC-001", address: "aws_vpc.*", reason: "Seed 004 VPC table: flow logs are enabled in prod only (settings.flowLogs)." }],
  defaults: (ctx: AtlasContext) => {
    const f = features(ctx);
    return {
      name: `${ctx.env.name}-${ctx.region.name}-atlas`,
      cidr: ctx.region.cidrs["atlas"],
      azs: ctx.region.azs.slice(0, f.network.azCount),
      subnetNewBits: 8,
      subnetOffsets: {
        public: [...f.network.offsets.public],
        private: [...f.network.offsets.private],
        database: [...f.network.offsets.database],
      },
      nat: f.network.nat,
      flowLogs: ctx.settings.flowLogs,
    };
  },
});
