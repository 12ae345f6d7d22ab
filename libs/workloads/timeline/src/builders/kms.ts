import type { StackBuilder } from "@infra/core";
import { EncryptionKey } from "@infra/kms";
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
export const buildTimelineKms: StackBuilder<TimelineKmsInputs, TimelineKeys> = (stack, inputs, ctx) => {
  const common = {
    accountId: ctx.env.accountId,
    region: ctx.deployment.region.name,
    deletionWindowInDays: inputs.deletionWindowDays,
    deletionProtection: inputs.deletionProtection,
  };
  const logs = new EncryptionKey(stack, "logs", {
    ...common,
    name: `${inputs.name}-logs`,
    description: "CloudWatch Logs of the timeline app",
  });
  const data = new EncryptionKey(stack, "data", {
    ...common,
    name: `${inputs.name}-data`,
    description: "Timeline data at rest: RDS, ElastiCache, backups, AWS Config history",
  });
  const alerts = new EncryptionKey(stack, "alerts", {
    ...common,
    name: `${inputs.name}-alerts`,
    description: "SNS alert topic of the timeline app",
  });
  const assets = new EncryptionKey(stack, "assets", {
    ...common,
    name: `${inputs.name}-assets`,
    description: "Timeline website assets, read by CloudFront through origin access control",
  });
  return { logs, data, alerts, assets };
};
