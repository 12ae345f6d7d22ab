import { ConfigConfigRule } from "@cdktf/provider-aws/lib/config-config-rule";
import { ConfigConfigurationRecorder } from "@cdktf/provider-aws/lib/config-configuration-recorder";
import { describe, expect, it } from "vitest";
import { entries, first, scopeSynthWith } from "@infra/testing-core/blocks";
import { ConfigRecorder, type ConfigRecorderProps } from "./config-recorder";
import { BASELINE_MANAGED_RULES, renderInputParameters } from "./managed-rules";

const BASE: ConfigRecorderProps = { roleNamePrefix: "prod-us-east-1", s3BucketName: "prod-config-history" };
const synth = scopeSynthWith(ConfigRecorder, "config", BASE);

describe("ConfigRecorder", () => {
  it("records all supported resources with a role on AWS_ConfigRole", () => {
    const { json, tf } = synth();
    const [roleName, role] = first(tf.resource, "aws_iam_role");
    expect(role.name).toBe("prod-us-east-1-aws-config");
    expect(json).toHaveResourceWithProperties(ConfigConfigurationRecorder, {
      name: "default",
      role_arn: `\${aws_iam_role.${roleName}.arn}`,
      recording_group: { all_supported: true, include_global_resource_types: true },
      recording_mode: { recording_frequency: "CONTINUOUS" },
    });
    expect(first(tf.resource, "aws_iam_role_policy_attachment")[1].policy_arn).toBe("arn:aws:iam::aws:policy/service-role/AWS_ConfigRole");
    const [, assume] = entries(tf.data, "aws_iam_policy_document").find(([k]) => k.startsWith("config_assume"))!;
    expect(assume.statement[0].principals).toEqual([{ type: "Service", identifiers: ["config.amazonaws.com"] }]);
  });

  it("delivers to the bucket (and SNS), then enables the recorder, in that order", () => {
    const { tf } = synth({ s3KeyPrefix: "config", snsTopicArn: "arn:aws:sns:us-east-1:1:config", s3KmsKeyArn: "arn:aws:kms:us-east-1:1:key/config" });
    const [recorderName] = first(tf.resource, "aws_config_configuration_recorder");
    const [channelName, channel] = first(tf.resource, "aws_config_delivery_channel");
    expect(channel).toMatchObject({
      name: "default",
      s3_bucket_name: "prod-config-history",
      s3_key_prefix: "config",
      s3_kms_key_arn: "arn:aws:kms:us-east-1:1:key/config",
      sns_topic_arn: "arn:aws:sns:us-east-1:1:config",
      snapshot_delivery_properties: { delivery_frequency: "TwentyFour_Hours" },
      depends_on: [`aws_config_configuration_recorder.${recorderName}`],
    });
    const [, status] = first(tf.resource, "aws_config_configuration_recorder_status");
    expect(status).toMatchObject({
      name: `\${aws_config_configuration_recorder.${recorderName}.name}`,
      is_enabled: true,
      depends_on: [`aws_config_delivery_channel.${channelName}`],
    });
    const account = first(tf.data, "aws_caller_identity")[0];
    const [, delivery] = entries(tf.data, "aws_iam_policy_document").find(([k]) => k.startsWith("config_delivery-doc"))!;
    expect(delivery.statement.map((s: { sid: string; resources: string[] }) => [s.sid, s.resources])).toEqual([
      ["BucketAcl", ["arn:aws:s3:::prod-config-history"]],
      ["PutSnapshots", [`arn:aws:s3:::prod-config-history/config/AWSLogs/\${data.aws_caller_identity.${account}.account_id}/*`]],
      ["EncryptSnapshots", ["arn:aws:kms:us-east-1:1:key/config"]],
      ["Notify", ["arn:aws:sns:us-east-1:1:config"]],
    ]);
  });

  it("creates the baseline managed rules, with parameters, after the recorder", () => {
    const { json, tf } = synth();
    const rules = entries(tf.resource, "aws_config_config_rule").map(([, r]) => r);
    expect(rules.map((r) => r.source.source_identifier).sort()).toEqual(BASELINE_MANAGED_RULES.map((r) => r.identifier).sort());
    expect(json).toHaveResourceWithProperties(ConfigConfigRule, {
      name: "restricted-incoming-traffic",
      source: { owner: "AWS", source_identifier: "RESTRICTED_INCOMING_TRAFFIC" },
      input_parameters: JSON.stringify({ blockedPort1: "22", blockedPort2: "3389", blockedPort3: "3306", blockedPort4: "5432", blockedPort5: "6379" }),
    });
    const [recorderName] = first(tf.resource, "aws_config_configuration_recorder");
    expect(rules.every((r) => r.depends_on[0] === `aws_config_configuration_recorder.${recorderName}`)).toBe(true);
  });

  it("takes custom rules with scope and frequency, and DR-region settings", () => {
    const { json, tf } = synth({
      includeGlobalResourceTypes: false,
      rules: [
        { identifier: "CLOUD_TRAIL_ENABLED", maximumExecutionFrequency: "One_Hour" },
        { identifier: "ENCRYPTED_VOLUMES", name: "ebs-encrypted", resourceTypes: ["AWS::EC2::Volume"] },
      ],
    });
    expect(json).toHaveResourceWithProperties(ConfigConfigurationRecorder, { recording_group: { all_supported: true, include_global_resource_types: false } });
    const byName = Object.fromEntries(entries(tf.resource, "aws_config_config_rule").map(([, r]) => [r.name, r]));
    expect(byName["cloud-trail-enabled"]).toMatchObject({ maximum_execution_frequency: "One_Hour" });
    expect(byName["ebs-encrypted"]).toMatchObject({ scope: { compliance_resource_types: ["AWS::EC2::Volume"] } });
    expect(byName["ebs-encrypted"]!.input_parameters).toBeUndefined();
  });

  it("rejects malformed and duplicate rules", () => {
    expect(() => synth({ rules: [{ identifier: "s3-bucket" }] })).toThrow('AWS Config rule "s3-bucket": managed rule identifiers are UPPER_SNAKE_CASE');
    expect(() => synth({ rules: [{ identifier: "ENCRYPTED_VOLUMES" }, { identifier: "ENCRYPTED_VOLUMES" }] })).toThrow(
      'rule name "encrypted-volumes" is used twice',
    );
  });

  it("renders input parameters with sorted keys and string values", () => {
    expect(renderInputParameters({ b: 1, a: true })).toBe('{"a":"true","b":"1"}');
    expect(renderInputParameters(undefined)).toBeUndefined();
  });
});
