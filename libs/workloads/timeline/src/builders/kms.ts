import type { StackBuilder } from "@infra/core";
import { type EncryptionKey, purposeKeysBuilder } from "@infra/kms";
import type { TimelineKmsInputs } from "../inputs/kms";

/** The timeline's keys in one region, one per purpose so a grant on one never opens another. */
export interface TimelineKeys {
  /** CloudWatch Logs: flow logs, RDS, Redis, WAF and application log groups. */
  readonly logs: EncryptionKey;
  /** Data at rest: RDS, Redis, the backup and AWS Config buckets, the RDS master secret. */
  readonly data: EncryptionKey;
  /** The SNS alert topic. */
  readonly alerts: EncryptionKey;
  /** The website assets bucket, which CloudFront (this account's distributions only) decrypts. */
  readonly assets: EncryptionKey;
}

/** Each key's policy is derived from the constructs that use it (libs/kms key-usage): no service is listed here. */
export const buildTimelineKms: StackBuilder<TimelineKmsInputs, TimelineKeys> = purposeKeysBuilder(() => ({
  logs: "CloudWatch Logs of the timeline app",
  data: "Timeline data at rest: RDS, ElastiCache, backups, AWS Config history",
  alerts: "SNS alert topic of the timeline app",
  assets: "Timeline website assets, read by CloudFront through origin access control",
}));
