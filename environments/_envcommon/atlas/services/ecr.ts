import type { CheckIssue } from "@infra/config";
import { SERVICES, atlasEcrInputs } from "@infra/atlas-inputs";
import { type AtlasContext, inDr, inPrimary, KMS } from "../features";
import { atlasModule } from "../workload";

/**
 * ECR: the eight `acct-atlas-*` images of docker-compose.prod.yml (scan on push, lifecycle policy).
 * Phase 4 prod, DR region (ADR 0106): the same repositories under the DR data key, which the account
 * registry's replication (account/foundation, `workloads.account.ecrReplicationPrefixes`) fills with
 * every image pushed in the primary region, so the DR services pull without us-east-1.
 */
export const ecr = atlasModule("services/ecr", {
  schema: atlasEcrInputs,
  enabled: (ctx: AtlasContext) => inPrimary(ctx) || inDr(ctx),
  dependencies: { kms: KMS },
  check: (self, env): CheckIssue[] => {
    if (self.region.role === "primary") return [];
    // A DR copy no replication fills would hold no image: the DR services could never start.
    const foundation = env.deployments.find((d) => d.workload === "account" && d.module === "foundation");
    const prefixes =
      (foundation?.inputs as { ecrReplication?: { repositoryPrefixes: readonly string[] } } | undefined)?.ecrReplication?.repositoryPrefixes ?? [];
    const missing = self.inputs.repositories.filter((r) => !prefixes.some((p) => r.startsWith(p)));
    return missing.length === 0
      ? []
      : [
          {
            path: "workloads.account.ecrReplicationPrefixes",
            value: prefixes,
            allowed: `a prefix of every repository of the DR copy in ${self.region.name} (e.g. "acct-atlas-"): the account registry replicates only those, and ${missing.join(", ")} would stay empty (ADR 0106)`,
            level: `environments/${env.name}/env.ts`,
          },
        ];
  },
  defaults: (ctx: AtlasContext) => ({
    repositories: SERVICES.map((s) => s.repository),
    keepLastTagged: 30,
    expireUntaggedDays: 7,
    deletionProtection: ctx.settings.deletionProtection,
  }),
});
