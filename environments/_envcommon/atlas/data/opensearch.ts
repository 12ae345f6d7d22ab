import { atlasSearchInputs } from "@infra/atlas-inputs";
import { type AtlasContext, features, inPrimary, KMS } from "../features";
import { vpc } from "../network/vpc";
import { atlasModule } from "../workload";

/** Phase 3+: OpenSearch replaces PostgreSQL FTS (seed "OpenSearch Configuration"). */
export const opensearch = atlasModule("data/opensearch", {
  schema: atlasSearchInputs,
  enabled: (ctx: AtlasContext) => inPrimary(ctx) && features(ctx).search !== undefined,
  dependencies: { kms: KMS, vpc },
  waivers: [
    {
      rule: "INF-OS-004",
      address: "aws_opensearch_domain.*",
      reason:
        "Seed 001 OpenSearch table: 1 node (staging) and 3 data nodes (production), no dedicated masters; 3 nodes cannot spread evenly over the VPC's two AZs.",
    },
  ],
  defaults: (ctx: AtlasContext) => {
    const s = features(ctx).search;
    return {
      domainName: `acct-atlas-${ctx.env.name}`,
      instanceType: s?.instanceType,
      nodes: s?.nodes,
      volumeGiB: s?.volumeGiB,
      logRetentionDays: ctx.settings.logRetentionDays,
      deletionProtection: ctx.settings.deletionProtection,
    };
  },
});
