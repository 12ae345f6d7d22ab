import { describe, expect, it } from "vitest";
import { AlertTopic, alertTopicKeyPolicyStatements } from "./alert-topic";
import { only, onlyData, synthJson } from "@infra/testing-core/json";

const KEY = "arn:aws:kms:us-east-1:111122223333:key/alerts";

describe("AlertTopic", () => {
  const json = synthJson(
    (s) =>
      new AlertTopic(s, "alerts", {
        name: "prod-platform-alerts",
        kmsKeyArn: KEY,
        emails: ["ops@example.com", "dba@example.com"],
        smsNumbers: ["+15551234567"],
      }),
  );

  it("encrypts the topic with the CMK", () => {
    const topic = only(json, "aws_sns_topic");
    expect(topic).toMatchObject({ name: "prod-platform-alerts", display_name: "prod-platform-alerts", kms_master_key_id: KEY });
  });

  it("subscribes each email and phone number, keyed by endpoint", () => {
    const subs = json.resource.aws_sns_topic_subscription;
    const values = Object.values(subs) as { protocol: string; endpoint: string; topic_arn: string }[];
    expect(values.map((v) => `${v.protocol}:${v.endpoint}`).sort()).toEqual(["email:dba@example.com", "email:ops@example.com", "sms:+15551234567"]);
    const topicKey = Object.keys(json.resource.aws_sns_topic)[0];
    for (const v of values) expect(v.topic_arn).toBe(`\${aws_sns_topic.${topicKey}.arn}`);
    expect(Object.keys(subs).some((k) => k.startsWith("alerts_email-opsexamplecom_"))).toBe(true);
  });

  it("attaches a policy: owner account, account-scoped AWS publishers, deny non-TLS publish", () => {
    const doc = onlyData(json, "aws_iam_policy_document");
    const statements = doc.statement as {
      sid: string;
      effect: string;
      actions: string[];
      principals: { type: string; identifiers: string[] }[];
      condition?: unknown[];
    }[];
    expect(statements.map((s) => s.sid)).toEqual(["AllowOwnerAccount", "AllowAlertPublishers", "DenyInsecureTransport"]);
    expect(statements[1]!.principals[0]!.identifiers).toEqual(["cloudwatch.amazonaws.com", "events.amazonaws.com", "events.rds.amazonaws.com"]);
    expect(statements[1]!.condition).toEqual([
      { test: "StringEquals", variable: "aws:SourceAccount", values: [expect.stringMatching(/^\$\{data\.aws_caller_identity\..+\.account_id\}$/)] },
    ]);
    expect(statements[2]).toMatchObject({
      effect: "Deny",
      actions: ["sns:Publish"],
      condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
    });
    const policy = only(json, "aws_sns_topic_policy");
    expect(policy.policy).toMatch(/^\$\{data\.aws_iam_policy_document\..+\.json\}$/);
  });

  it("leaves SSE off without a CMK rather than using alias/aws/sns", () => {
    const plain = synthJson((s) => new AlertTopic(s, "alerts", { name: "dev-alerts", emails: [] }));
    expect(only(plain, "aws_sns_topic").kms_master_key_id).toBeUndefined();
  });

  it("rejects malformed endpoints", () => {
    expect(() => synthJson((s) => new AlertTopic(s, "a", { name: "t", emails: ["nope"] }))).toThrow('AlertTopic t: "nope" is not an email address');
    expect(() => synthJson((s) => new AlertTopic(s, "a", { name: "t", smsNumbers: ["555-1234"] }))).toThrow("is not an E.164 phone number");
  });

  it("exports the key policy statement the CMK needs", () => {
    expect(alertTopicKeyPolicyStatements()[0]).toMatchObject({
      actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
      principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com", "events.amazonaws.com", "events.rds.amazonaws.com"] }],
    });
  });
});
