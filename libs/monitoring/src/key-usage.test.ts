import { EncryptionKey } from "@infra/kms";
import { describe, expect, it } from "vitest";
import { AlertTopic } from "./alert-topic";
import { LogGroup } from "./log-group";
import { synthJson } from "@infra/testing-core/json";

const key = (s: Parameters<Parameters<typeof synthJson>[0]>[0], name: string) =>
  new EncryptionKey(s, name, { name, accountId: "111111111111", region: "us-east-1" });

describe("monitoring constructs declare how AWS services use their keys", () => {
  it("a log group makes CloudWatch Logs a user of its key; an alert topic its publishers (the ones its topic policy allows)", () => {
    synthJson((s) => {
      const logs = key(s, "logs");
      const alerts = key(s, "alerts");
      new LogGroup(s, "group", { name: "/app", retentionDays: 30, kmsKeyArn: logs.keyArn });
      new AlertTopic(s, "topic", { name: "prod-alerts", kmsKeyArn: alerts.keyArn });
      // An AWS managed or foreign key: nothing to derive.
      new LogGroup(s, "other", { name: "/other", retentionDays: 30, kmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/foreign" });
      expect(logs.uses()).toEqual([{ use: "logs", by: ["test/group/group"] }]);
      expect(alerts.uses().map((u) => u.use)).toEqual(["cloudwatch", "events", "events.rds"]);
    });
  });
});

describe("an alert topic other AWS services ask to publish to", () => {
  it("adds AWS Budgets to the topic policy and the topic's key when a budget notifies it", async () => {
    const { Budget } = await import("@infra/governance");
    const json = synthJson((s) => {
      const alerts = key(s, "alerts");
      const topic = new AlertTopic(s, "topic", { name: "prod-alerts", kmsKeyArn: alerts.keyArn });
      new Budget(s, "budget", { name: "prod-monthly", limitUsd: 100, snsTopicArn: topic.topicArn });
      expect(alerts.uses().map((u) => u.use)).toEqual(["budgets", "cloudwatch", "events", "events.rds"]);
    });
    const doc = Object.entries(
      json.data["aws_iam_policy_document"] as Record<string, { statement: { sid: string; principals: { identifiers: string[] }[] }[] }>,
    ).find(([n]) => n.startsWith("topic_policy-doc"))![1];
    expect(doc.statement.find((x) => x.sid === "AllowAlertPublishers")!.principals[0]!.identifiers).toEqual([
      "budgets.amazonaws.com",
      "cloudwatch.amazonaws.com",
      "events.amazonaws.com",
      "events.rds.amazonaws.com",
    ]);
  });
});
