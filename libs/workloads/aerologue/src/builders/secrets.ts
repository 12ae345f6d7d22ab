import type { StackBuilder } from "@infra/core";
import { Secret } from "@infra/kms";
import type { SecretsInputs } from "../inputs/modules";
import { buildKms } from "./kms";

export interface SecretsOutputs {
  /** By seed name, e.g. "aerologue/db/aurora". */
  readonly secrets: Readonly<Record<string, Secret>>;
}

/**
 * ARC-009 Secrets Manager: the secrets exist here, encrypted with the data key and replicated to
 * the ARC-012 regions; their values are put by an operator (`aws secretsmanager put-secret-value`),
 * never by code or Terraform. The DB secret's 90-day rotation lives with the cluster (data/aurora).
 */
export const buildSecrets: StackBuilder<SecretsInputs, SecretsOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildKms).regions;
  const home = keys[ctx.deployment.region.name]!;
  const secrets: Record<string, Secret> = {};
  for (const name of inputs.names) {
    secrets[name] = new Secret(stack, name.replace(/\//g, "-"), {
      name,
      description: `Aerologue ${name.split("/").slice(1).join(" ")} (ARC-009)`,
      kmsKeyArn: home.data.keyArn,
      recoveryWindowInDays: inputs.recoveryWindowDays,
      deletionProtection: inputs.deletionProtection,
      replicas: inputs.globalRegions.map((region) => ({ region, kmsKeyArn: keys[region]!.data.keyArn })),
    });
  }
  return { secrets };
};
