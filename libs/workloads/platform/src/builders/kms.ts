import type { StackBuilder } from "@infra/core";
import { type EncryptionKey, purposeKeysBuilder } from "@infra/kms";
import type { KmsInputs } from "../inputs/kms";

/** The platform's keys, one per purpose so a grant on one never opens another. */
export interface KeyOutputs {
  /** CloudWatch Logs: flow logs, ECS and RDS log groups. */
  readonly logs: EncryptionKey;
  /** Data at rest: RDS storage, Performance Insights, the master secret, EBS volumes. */
  readonly data: EncryptionKey;
  /** Alarm notifications: the SNS alert topic. */
  readonly alerts: EncryptionKey;
}

/**
 * No service is listed here: each key's policy is derived from the constructs that use it (log
 * groups, the alert topic's publishers, the ECS capacity's Auto Scaling role), see libs/kms key-usage.
 */
export const buildKms: StackBuilder<KmsInputs, KeyOutputs> = purposeKeysBuilder(() => ({
  logs: "CloudWatch Logs of the platform",
  data: "Platform data at rest: RDS, EBS, secrets",
  alerts: "SNS alert topic of the platform",
}));
