import { ConfigConfigRule } from "@cdktf/provider-aws/lib/config-config-rule";
import { ConfigConfigurationRecorder } from "@cdktf/provider-aws/lib/config-configuration-recorder";
import { ConfigConfigurationRecorderStatus } from "@cdktf/provider-aws/lib/config-configuration-recorder-status";
import { ConfigDeliveryChannel } from "@cdktf/provider-aws/lib/config-delivery-channel";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";
import { BASELINE_MANAGED_RULES, type ManagedRule, renderInputParameters, ruleName, validateRules } from "./managed-rules";

export interface ConfigRecorderProps {
  /** Recorder and delivery channel name (one recorder per region). @default "default" */
  readonly name?: string;
  /** Prefix of the recorder's IAM role name; include the region so DR regions do not collide, e.g. "prod-us-east-1". */
  readonly roleNamePrefix: string;
  /** Bucket that receives configuration snapshots and history (its policy must allow config.amazonaws.com). */
  readonly s3BucketName: string;
  /** @default none */
  readonly s3KeyPrefix?: string;
  /** CMK of the bucket: the recorder may GenerateDataKey with it. @default none (SSE-S3 bucket) */
  readonly s3KmsKeyArn?: string;
  /** Topic for configuration change notifications. @default none */
  readonly snsTopicArn?: string;
  /** How often snapshots are delivered. @default "TwentyFour_Hours" */
  readonly deliveryFrequency?: "One_Hour" | "Three_Hours" | "Six_Hours" | "Twelve_Hours" | "TwentyFour_Hours";
  /** Record IAM and other global resources. Only one region should: false in DR regions. @default true */
  readonly includeGlobalResourceTypes?: boolean;
  /** @default "CONTINUOUS" */
  readonly recordingFrequency?: "CONTINUOUS" | "DAILY";
  /** Start recording. @default true */
  readonly enabled?: boolean;
  /** Managed rules. @default BASELINE_MANAGED_RULES */
  readonly rules?: readonly ManagedRule[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * AWS Config in one region: a recorder of all supported resources with its service role,
 * a delivery channel to S3 (and SNS), the recorder switched on, and managed rules.
 */
export class ConfigRecorder extends Construct {
  readonly recorderName: string;
  readonly roleArn: string;
  readonly ruleArns: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: ConfigRecorderProps) {
    super(scope, id);
    markLibrary(this, "governance");
    const name = props.name ?? "default";
    const rules = props.rules ?? BASELINE_MANAGED_RULES;
    validateRules(rules);
    const tags = (suffix: string) => ({ ...props.tags, Name: `${props.roleNamePrefix}-${suffix}` });

    const account = new DataAwsCallerIdentity(this, "account");
    const assume = new DataAwsIamPolicyDocument(this, "assume", {
      statement: [
        {
          effect: "Allow",
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["config.amazonaws.com"] }],
          condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [account.accountId] }],
        },
      ],
    });
    const role = new IamRole(this, "role", { name: `${props.roleNamePrefix}-aws-config`, assumeRolePolicy: assume.json, tags: tags("aws-config") });
    new IamRolePolicyAttachment(this, "managed-policy", { role: role.name, policyArn: "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole" });
    this.roleArn = role.arn;

    // Delivery: only this bucket (and prefix), this topic, this key.
    const prefix = props.s3KeyPrefix ? `${props.s3KeyPrefix}/` : "";
    const delivery: DataAwsIamPolicyDocumentStatement[] = [
      { sid: "BucketAcl", effect: "Allow", actions: ["s3:GetBucketAcl"], resources: [`arn:aws:s3:::${props.s3BucketName}`] },
      {
        sid: "PutSnapshots",
        effect: "Allow",
        actions: ["s3:PutObject"],
        resources: [`arn:aws:s3:::${props.s3BucketName}/${prefix}AWSLogs/${account.accountId}/*`],
        condition: [{ test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] }],
      },
    ];
    if (props.s3KmsKeyArn !== undefined) {
      delivery.push({ sid: "EncryptSnapshots", effect: "Allow", actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [props.s3KmsKeyArn] });
    }
    if (props.snsTopicArn !== undefined) delivery.push({ sid: "Notify", effect: "Allow", actions: ["sns:Publish"], resources: [props.snsTopicArn] });
    const deliveryDoc = new DataAwsIamPolicyDocument(this, "delivery-doc", { statement: delivery });
    new IamRolePolicy(this, "delivery-policy", { name: "deliver", role: role.id, policy: deliveryDoc.json });

    const recorder = new ConfigConfigurationRecorder(this, "recorder", {
      name,
      roleArn: role.arn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: props.includeGlobalResourceTypes ?? true },
      recordingMode: { recordingFrequency: props.recordingFrequency ?? "CONTINUOUS" },
    });
    this.recorderName = recorder.name;

    const channel = new ConfigDeliveryChannel(this, "delivery-channel", {
      name,
      s3BucketName: props.s3BucketName,
      s3KeyPrefix: props.s3KeyPrefix,
      s3KmsKeyArn: props.s3KmsKeyArn,
      snsTopicArn: props.snsTopicArn,
      snapshotDeliveryProperties: { deliveryFrequency: props.deliveryFrequency ?? "TwentyFour_Hours" },
      dependsOn: [recorder],
    });

    // Recording starts only once it has somewhere to deliver.
    new ConfigConfigurationRecorderStatus(this, "status", { name: recorder.name, isEnabled: props.enabled ?? true, dependsOn: [channel] });

    const arns: Record<string, string> = {};
    for (const rule of rules) {
      const rName = ruleName(rule);
      const r = new ConfigConfigRule(this, `rule-${rName}`, {
        name: rName,
        source: { owner: "AWS", sourceIdentifier: rule.identifier },
        inputParameters: renderInputParameters(rule.inputParameters),
        maximumExecutionFrequency: rule.maximumExecutionFrequency,
        scope: rule.resourceTypes ? { complianceResourceTypes: [...rule.resourceTypes] } : undefined,
        dependsOn: [recorder],
        tags: tags(rName),
      });
      arns[rName] = r.arn;
    }
    this.ruleArns = arns;
  }
}
