import { cacheInputs } from "@infra/aerologue-inputs";
import { PRIMARY, prefix, regional } from "../names";
import { vpc } from "../network/vpc";
import { kms } from "../security/kms";
import { aerologueModule } from "../workload";

/** ARC-005 ElastiCache Redis: cache.t4g.micro, 1 node (MVP); prod overrides to 2 nodes with failover. */
export const cache = aerologueModule("data/cache", {
  schema: cacheInputs,
  dependencies: {
    kms: { module: kms, region: PRIMARY },
    vpc,
  },
  defaults: (ctx) => ({
    replicationGroupId: `${regional(ctx)}-cache`.slice(0, 40),
    nodeType: "cache.t4g.micro",
    nodes: 1,
    automaticFailover: false,
    appUser: `${prefix(ctx)}-app`,
    snapshotRetentionDays: 7,
    logRetentionDays: ctx.workload.logRetentionDays,
    deletionProtection: ctx.settings.deletionProtection,
  }),
});
