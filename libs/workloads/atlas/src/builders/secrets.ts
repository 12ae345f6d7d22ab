import type { StackBuilder } from "@infra/core";
import { GeneratedToken, Secret } from "@infra/kms";
import type { AtlasSecretsInputs } from "../inputs/modules";
import type { SecretName } from "../inputs/phase";
import { atlasTags } from "./common";
import { buildAtlasKms } from "./kms";

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  "jwt-rsa-key-pair": "user-service JWT RSA key pair (app.jwt.private-key, PEM; new kid on rotation)",
  "mapbox-access-token": "web-app Mapbox access token (client-side map rendering)",
  "youtube-api-key": "video-service YouTube Data API key (metadata fetching)",
  "admin-password-hash": "user-service ADMIN_PASSWORD_HASH for the initial admin account",
};

export interface AtlasSecrets {
  /** Secret ARNs by name (the database password is the RDS-managed secret, in atlas-data/rds). */
  readonly arns: Readonly<Partial<Record<SecretName, string>>>;
  readonly kmsKeyArn: string;
  /** Phase 2+: the generated Redis AUTH token (the whole secret string). */
  readonly redisAuthToken?: { readonly arn: string; readonly name: string };
}

/** Seed "Secrets Management": the containers of the secrets, encrypted with the data key. Values are set out of band. */
export const buildAtlasSecrets: StackBuilder<AtlasSecretsInputs, AtlasSecrets> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildAtlasKms);
  // Phase 4 (ADR 0106): a replica per DR region, encrypted with the workload's data key there.
  const replicas = (inputs.replicaRegions ?? []).map((region) => ({ region, kmsKeyArn: ctx.dependencyOn(`kms-${region}`, buildAtlasKms).data.keyArn }));
  const arns: Partial<Record<SecretName, string>> = {};
  for (const name of inputs.secrets) {
    const secret = new Secret(stack, name, {
      name: `${inputs.prefix}/${name}`,
      description: DESCRIPTIONS[name],
      kmsKeyArn: keys.data.keyArn,
      recoveryWindowInDays: inputs.recoveryWindowDays,
      deletionProtection: inputs.deletionProtection,
      ...(replicas.length > 0 ? { replicas } : {}),
      tags: atlasTags("security"),
    });
    arns[name] = secret.secretArn;
  }
  let redisAuthToken: AtlasSecrets["redisAuthToken"];
  if (inputs.redisAuthToken) {
    // Redis AUTH: a plain password the services read as an env var (no SDK), generated write-only here.
    const secret = new Secret(stack, "redis-auth-token", {
      name: `${inputs.prefix}/redis-auth-token`,
      description: `ElastiCache AUTH token of the services (generation ${inputs.redisAuthToken.version}; raise it to rotate)`,
      kmsKeyArn: keys.data.keyArn,
      recoveryWindowInDays: inputs.recoveryWindowDays,
      deletionProtection: inputs.deletionProtection,
      ...(replicas.length > 0 ? { replicas } : {}),
      tags: atlasTags("security"),
    });
    new GeneratedToken(stack, "redis-auth-token-value", {
      secret,
      version: inputs.redisAuthToken.version,
      valueFormat: "the Redis AUTH token (64 letters and digits)",
    });
    redisAuthToken = { arn: secret.secretArn, name: secret.name };
  }
  return { arns, kmsKeyArn: keys.data.keyArn, ...(redisAuthToken ? { redisAuthToken } : {}) };
};
