import type { StackBuilder } from "@infra/core";
import { type EncryptionKey, purposeKeysBuilder } from "@infra/kms";
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
export const buildAtlasKms: StackBuilder<AtlasKmsInputs, AtlasKeys> = purposeKeysBuilder(
  (inputs: AtlasKmsInputs) => {
    const where = inputs.role === "dr" ? " (DR copies)" : "";
    return {
      logs: `AccountabilityAtlas CloudWatch Logs${where}`,
      data: `AccountabilityAtlas data at rest${where}`,
      alerts: `AccountabilityAtlas alarm topics${where}`,
    };
  },
  { tags: atlasTags("security") },
);
