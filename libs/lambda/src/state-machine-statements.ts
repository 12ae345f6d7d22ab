import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";

/**
 * What a service role needs to send a state machine's (or any service's) logs through CloudWatch
 * Logs "vended logs" deliveries; none of these actions supports resource-level permissions.
 */
export const VENDED_LOG_DELIVERY_ACTIONS = [
  "logs:CreateLogDelivery",
  "logs:GetLogDelivery",
  "logs:UpdateLogDelivery",
  "logs:DeleteLogDelivery",
  "logs:ListLogDeliveries",
  "logs:PutResourcePolicy",
  "logs:DescribeResourcePolicies",
  "logs:DescribeLogGroups",
] as const;

/**
 * What every Step Functions execution role here needs besides its task permissions: vended log
 * deliveries and X-Ray (actions with no resource-level permissions, so "*" is the only valid resource:
 * Service Authorization Reference, CloudWatch Logs and X-Ray), and the state machine's CMK.
 */
export function stateMachineRoleStatements(kmsKeyArn: string): DataAwsIamPolicyDocumentStatement[] {
  return [
    { sid: "DeliverLogs", effect: "Allow", actions: [...VENDED_LOG_DELIVERY_ACTIONS], resources: ["*"] },
    {
      sid: "WriteTraces",
      effect: "Allow",
      actions: ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
      resources: ["*"],
    },
    { sid: "UseStateKey", effect: "Allow", actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [kmsKeyArn] },
  ];
}
