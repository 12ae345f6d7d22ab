import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../types";
import { ACCOUNT, AUTOSCALING_SLR as SLR, EnvFixture, KEY_STATEMENTS, preflightFailures, preflightStatuses } from "../test-harness";

const { ROOT, LOGS, PUBLISHERS, ASG_USE, ASG_GRANT } = KEY_STATEMENTS;
import { kmsKeyUsers as rule } from "./kms-key-users";

/** A key in the kms stack; a log group, an alarm topic and an Auto Scaling group in the app stack. */
function env(statements: JsonObject[]): EnvFixture {
  const e = new EnvFixture({
    kms: {
      resource: { aws_kms_key: { k: { enable_key_rotation: true, policy: "${data.aws_iam_policy_document.k.json}" } } },
      data: { aws_iam_policy_document: { k: { statement: statements } } },
    },
    app: {},
  });
  const key = e.ref("kms", "app", "aws_kms_key.k.arn");
  e.add("app", {
    resource: {
      aws_cloudwatch_log_group: { api: { name: "/aws/lambda/api", kms_key_id: key } },
      aws_sns_topic: { alerts: { name: "alerts", kms_master_key_id: key } },
      aws_cloudwatch_metric_alarm: { errors: { alarm_name: "errors", alarm_actions: ["${aws_sns_topic.alerts.arn}"] } },
      aws_cloudwatch_event_rule: { r: { name: "health" } },
      aws_cloudwatch_event_target: { t: { rule: "${aws_cloudwatch_event_rule.r.name}", arn: "${aws_sns_topic.alerts.arn}" } },
      aws_launch_template: { lt: { name: "ecs", block_device_mappings: [{ device_name: "/dev/xvda", ebs: { encrypted: "true", kms_key_id: key } }] } },
      aws_autoscaling_group: { asg: { max_size: 2, min_size: 1, launch_template: { id: "${aws_launch_template.lt.id}", version: "$Latest" } } },
    },
  });
  return e;
}

describe("PRE-KMS-001 key policies let their users in", () => {
  it("Compliance: the documented statements for CloudWatch Logs, SNS publishers and Auto Scaling pass, across stacks", () => {
    expect(preflightStatuses(rule, env([ROOT, LOGS, PUBLISHERS, ASG_USE, ASG_GRANT]))).toEqual({ "kms/aws_kms_key.k": "passed" });
  });

  it("Compliance: the default key policy serves services that use the caller's credentials (RDS, Secrets Manager)", () => {
    const e = new EnvFixture({ kms: { resource: { aws_kms_key: { k: {} } } }, data: {} });
    const key = e.ref("kms", "data", "aws_kms_key.k.arn");
    e.add("data", { resource: { aws_secretsmanager_secret: { s: { name: "db", kms_key_id: key } }, aws_db_instance: { db: { kms_key_id: key } } } });
    expect(preflightStatuses(rule, e)).toEqual({ "kms/aws_kms_key.k": "passed" });
  });

  it("Noncompliance: a key policy with only the account root misses CloudWatch Logs, the publishers and the Auto Scaling role", () => {
    expect(preflightFailures(rule, env([ROOT]))).toEqual([
      {
        rule: "PRE-KMS-001",
        address: "kms/aws_kms_key.k",
        attribute: "policy",
        found:
          "nothing allows CloudWatch Logs (logs.us-east-1.amazonaws.com) kms:Encrypt, kms:Decrypt, kms:ReEncryptFrom, kms:ReEncryptTo, kms:GenerateDataKey, kms:DescribeKey under a condition on kms:EncryptionContext:aws:logs:arn (used by app/aws_cloudwatch_log_group.api.kms_key_id)",
        expected: `a statement Allow Service logs.us-east-1.amazonaws.com kms:Encrypt, kms:Decrypt, kms:ReEncryptFrom, kms:ReEncryptTo, kms:GenerateDataKey, kms:DescribeKey with a condition on kms:EncryptionContext:aws:logs:arn matching arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/api`,
      },
      {
        rule: "PRE-KMS-001",
        address: "kms/aws_kms_key.k",
        attribute: "policy",
        found:
          "nothing allows CloudWatch alarms (cloudwatch.amazonaws.com) kms:GenerateDataKey*, kms:Decrypt (used by app/aws_sns_topic.alerts.kms_master_key_id)",
        expected: "a statement Allow Service cloudwatch.amazonaws.com kms:GenerateDataKey*, kms:Decrypt",
      },
      {
        rule: "PRE-KMS-001",
        address: "kms/aws_kms_key.k",
        attribute: "policy",
        found: "nothing allows EventBridge rules (events.amazonaws.com) kms:GenerateDataKey*, kms:Decrypt (used by app/aws_sns_topic.alerts.kms_master_key_id)",
        expected: "a statement Allow Service events.amazonaws.com kms:GenerateDataKey*, kms:Decrypt",
      },
      {
        rule: "PRE-KMS-001",
        address: "kms/aws_kms_key.k",
        attribute: "policy",
        found: `nothing allows the Auto Scaling service-linked role (${SLR}) kms:Encrypt, kms:Decrypt, kms:ReEncryptFrom, kms:ReEncryptTo, kms:GenerateDataKeyWithoutPlaintext, kms:DescribeKey (used by app/aws_launch_template.lt.block_device_mappings.ebs.kms_key_id)`,
        expected: `a statement Allow AWS ${SLR} kms:Encrypt, kms:Decrypt, kms:ReEncryptFrom, kms:ReEncryptTo, kms:GenerateDataKeyWithoutPlaintext, kms:DescribeKey`,
      },
      {
        rule: "PRE-KMS-001",
        address: "kms/aws_kms_key.k",
        attribute: "policy",
        found: `nothing allows the Auto Scaling service-linked role (${SLR}) kms:CreateGrant (used by app/aws_launch_template.lt.block_device_mappings.ebs.kms_key_id)`,
        expected: `a statement Allow AWS ${SLR} kms:CreateGrant`,
      },
    ]);
  });

  it("Noncompliance: a logs grant without the encryption-context condition, and a policy that locks the account out, fail", () => {
    const unscoped = { ...LOGS, condition: [] };
    const onlyARole = {
      sid: "App",
      effect: "Allow",
      actions: ["kms:Decrypt"],
      resources: ["*"],
      principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${ACCOUNT}:role/app`] }],
    };
    const found = preflightFailures(rule, env([onlyARole, unscoped, PUBLISHERS, ASG_USE, ASG_GRANT])).map((f) => f.found);
    expect(found).toEqual([
      "no statement lets the account (the deploying principal) call kms:PutKeyPolicy",
      expect.stringMatching(/^nothing allows IAM principals of 111111111111 \(through arn:aws:iam::111111111111:root\) kms:Encrypt, /),
      expect.stringMatching(/^nothing allows CloudWatch Logs .* under a condition on kms:EncryptionContext:aws:logs:arn/),
    ]);
  });
});
