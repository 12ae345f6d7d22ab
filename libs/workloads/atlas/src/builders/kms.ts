import type { StackBuilder } from "@infra/core";
import { EncryptionKey } from "@infra/kms";
import type { AtlasKmsInputs } from "../inputs/modules";
import { atlasTags } from "./common";

/** One key per purpose, so a grant on one never opens another. */
export interface AtlasKeys {
  /** CloudWatch Logs: the application log group, ECS, RDS, WAF, OpenSearch logs. */
  readonly logs: EncryptionKey;
  /** Data at rest: RDS, EBS, secrets, S3, SQS, ECR, ElastiCache, OpenSearch (and in the DR region their copies). */
  readonly data: EncryptionKey;
  /** The alarm topics. */
  readonly alerts: EncryptionKey;
}

/** Each key's policy is derived from the constructs that use it (libs/kms key-usage): no service is listed here. */
export const buildAtlasKms: StackBuilder<AtlasKmsInputs, AtlasKeys> = (stack, inputs, ctx) => {
  const common = {
    accountId: ctx.env.accountId,
    region: ctx.deployment.region.name,
    deletionWindowInDays: inputs.deletionWindowDays,
    deletionProtection: inputs.deletionProtection,
    tags: atlasTags("security"),
  };
  const where = inputs.role === "dr" ? " (DR copies)" : "";
  const logs = new EncryptionKey(stack, "logs", {
    ...common,
    name: `${inputs.name}-logs`,
    description: `AccountabilityAtlas CloudWatch Logs${where}`,
  });
  const data = new EncryptionKey(stack, "data", {
    ...common,
    name: `${inputs.name}-data`,
    description: `AccountabilityAtlas data at rest${where}`,
  });
  const alerts = new EncryptionKey(stack, "alerts", {
    ...common,
    name: `${inputs.name}-alerts`,
    description: `AccountabilityAtlas alarm topics${where}`,
  });
  return { logs, data, alerts };
};
