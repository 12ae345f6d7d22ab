import type { StackBuilder } from "@infra/core";
import { EncryptionKey } from "@infra/kms";
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

export const buildKms: StackBuilder<KmsInputs, KeyOutputs> = (stack, inputs, ctx) => {
  const common = {
    accountId: ctx.env.accountId,
    region: ctx.deployment.region.name,
    deletionWindowInDays: inputs.deletionWindowDays,
    deletionProtection: inputs.deletionProtection,
  };
  const logs = new EncryptionKey(stack, "logs", {
    ...common,
    name: `${inputs.name}-logs`,
    description: "CloudWatch Logs of the platform",
    servicePrincipals: [{ service: "logs" }],
  });
  const data = new EncryptionKey(stack, "data", {
    ...common,
    name: `${inputs.name}-data`,
    description: "Platform data at rest: RDS, EBS, secrets",
    // EC2 Auto Scaling launches instances with CMK-encrypted volumes through its service-linked role.
    userArns: [`arn:aws:iam::${ctx.env.accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`],
  });
  const alerts = new EncryptionKey(stack, "alerts", {
    ...common,
    name: `${inputs.name}-alerts`,
    description: "SNS alert topic of the platform",
    servicePrincipals: [{ service: "cloudwatch" }, { service: "events" }, { service: "sns" }],
  });
  return { logs, data, alerts };
};
