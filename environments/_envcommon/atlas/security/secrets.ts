import type { Dependency, RegionName } from "@infra/config";
import { atlasSecretsInputs } from "@infra/atlas-inputs";
import { type AtlasContext, features, inPrimary, KMS } from "../features";
import { kms } from "./kms";
import { atlasModule } from "../workload";

/** Seed "Secrets Management": JWT key pair, Mapbox token, YouTube key, admin password hash (the DB password is RDS-managed). */
export const secrets = atlasModule("security/secrets", {
  schema: atlasSecretsInputs,
  enabled: inPrimary,
  dependencies: (ctx: AtlasContext): Record<string, Dependency> => {
    const dr = features(ctx).dr;
    // Phase 4: the replicas are encrypted with the DR region's data key (ADR 0106).
    return { kms: KMS, ...(dr ? { [`kms-${dr.region}`]: { module: kms, region: dr.region as RegionName } } : {}) };
  },
  waivers: [
    {
      rule: "INF-SM-002",
      address: "aws_secretsmanager_secret.*",
      reason:
        "Seed 001 Secrets Management: the Mapbox and YouTube keys are issued by the vendors, the admin hash and the JWT key pair (rotated with a new kid through the JWKS window) are set by operators; no rotation function exists for them. The Redis AUTH token (phase 2+) is generated here and rotated by raising its generation, then ROTATE/SET on the cache (ADR 0100): a Lambda could not change the token without Terraform's state disagreeing.",
    },
  ],
  defaults: (ctx: AtlasContext) => ({
    prefix: `accountabilityatlas/${ctx.env.name}`,
    secrets: ["jwt-rsa-key-pair" as const, "mapbox-access-token" as const, "youtube-api-key" as const, "admin-password-hash" as const],
    recoveryWindowDays: ctx.settings.deletionProtection ? 30 : 7,
    deletionProtection: ctx.settings.deletionProtection,
    // ElastiCache (phase 2+): the services' AUTH token (docs/adr/0100-atlas-service-credentials.md).
    ...(features(ctx).redis ? { redisAuthToken: { version: 1 } } : {}),
    // Phase 4 prod: every secret the ECS services read is replicated to the DR region (ADR 0106).
    replicaRegions: features(ctx).dr ? [features(ctx).dr!.region] : [],
  }),
});
