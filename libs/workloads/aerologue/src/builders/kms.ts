import type { StackBuilder } from "@infra/core";
import { EncryptionKey } from "@infra/kms";
import { Construct } from "constructs";
import type { KmsInputs } from "../inputs/modules";
import { onProvider } from "./common";

/** One region's keys, one per purpose so a grant on one never opens another. */
export interface RegionKeys {
  /** Data at rest: DynamoDB, Aurora, ElastiCache, S3, Secrets Manager, Timestream. */
  readonly data: EncryptionKey;
  /** Lambda environment and log groups, SQS, Step Functions, Scheduler. */
  readonly compute: EncryptionKey;
  /** Service log groups: API Gateway access logs, WAF, Aurora, ElastiCache. */
  readonly logs: EncryptionKey;
  /** The SNS alarm topic. */
  readonly alerts: EncryptionKey;
}

export interface KmsOutputs {
  /** Keys by region: the primary region and every ARC-012 global region. */
  readonly regions: Readonly<Record<string, RegionKeys>>;
}

/** Each key's policy is derived from the constructs that use it (libs/kms key-usage): no service is listed here. */
const PURPOSES: Record<keyof RegionKeys, { description: string }> = {
  data: { description: "Aerologue data at rest" },
  compute: { description: "Aerologue Lambda, SQS and Step Functions" },
  logs: { description: "Aerologue service logs" },
  alerts: { description: "Aerologue alarm topic" },
};

export const buildKms: StackBuilder<KmsInputs, KmsOutputs> = (stack, inputs, ctx) => {
  const home = ctx.deployment.region.name;
  const regions: Record<string, RegionKeys> = {};
  for (const region of [home, ...inputs.globalRegions]) {
    const scope = region === home ? stack : new Construct(stack, region);
    const prefix = region === home ? inputs.prefix : inputs.prefix.replace(home, region);
    const keys = Object.fromEntries(
      (Object.keys(PURPOSES) as (keyof RegionKeys)[]).map((purpose) => [
        purpose,
        new EncryptionKey(scope, purpose, {
          name: `${prefix}-${purpose}`,
          description: `${PURPOSES[purpose].description} (${region})`,
          accountId: ctx.env.accountId,
          region,
          deletionWindowInDays: inputs.deletionWindowDays,
          deletionProtection: inputs.deletionProtection,
        }),
      ]),
    ) as unknown as RegionKeys;
    if (region !== home) onProvider(scope, stack.providerFor(region));
    regions[region] = keys;
  }
  return { regions };
};
