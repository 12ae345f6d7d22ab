import { describe, expect, it } from "vitest";
import { only, synthJson } from "@infra/testing-core/json";
import { SecretRotationFailureAlarm } from "./secret-rotation";

const SECRET = "arn:aws:secretsmanager:us-east-1:111122223333:secret:accountabilityatlas/prod/database-app-AbCdEf";
const TOPIC = "arn:aws:sns:us-east-1:111122223333:acct-atlas-prod-alarms-critical";

describe("SecretRotationFailureAlarm", () => {
  const json = synthJson(
    (scope) => new SecretRotationFailureAlarm(scope, "failed", { name: "acct-atlas-prod-db-rotation-failed", secretArns: [SECRET], topicArn: TOPIC }),
  );

  it("matches Secrets Manager's RotationFailed service event of exactly these secrets", () => {
    const rule = only(json, "aws_cloudwatch_event_rule");
    expect(rule).toMatchObject({ name: "acct-atlas-prod-db-rotation-failed", state: "ENABLED" });
    expect(JSON.parse(rule.event_pattern)).toEqual({
      source: ["aws.secretsmanager"],
      "detail-type": ["AWS Service Event via CloudTrail"],
      detail: { eventSource: ["secretsmanager.amazonaws.com"], eventName: ["RotationFailed"], additionalEventData: { SecretId: [SECRET] } },
    });
  });

  it("sends a one-line message naming the secret to the topic", () => {
    expect(only(json, "aws_cloudwatch_event_target")).toMatchObject({
      arn: TOPIC,
      target_id: "alert-topic",
      input_transformer: {
        input_paths: { secret: "$.detail.additionalEventData.SecretId", time: "$.time" },
        input_template: expect.stringContaining("rotation of <secret> failed at <time>"),
      },
    });
  });

  it("refuses an empty secret list", () => {
    expect(() => synthJson((scope) => new SecretRotationFailureAlarm(scope, "x", { name: "x", secretArns: [], topicArn: TOPIC }))).toThrow(
      "SecretRotationFailureAlarm test/x: secretArns must list at least one secret",
    );
  });
});
