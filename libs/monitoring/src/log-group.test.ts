import { describe, expect, it } from "vitest";
import { LogGroup, validateLogRetention } from "./log-group";
import { only, synthJson } from "@infra/testing-core/json";

describe("LogGroup", () => {
  it("sets retention, CMK and class; no deletion protection by default", () => {
    const json = synthJson(
      (s) => new LogGroup(s, "logs", { name: "/aws/ecs/dev-platform", retentionDays: 7, kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/abc" }),
    );
    const group = only(json, "aws_cloudwatch_log_group");
    expect(group).toMatchObject({
      name: "/aws/ecs/dev-platform",
      retention_in_days: 7,
      kms_key_id: "arn:aws:kms:us-east-1:111122223333:key/abc",
      log_group_class: "STANDARD",
      deletion_protection_enabled: false,
    });
    expect(group.lifecycle).toBeUndefined();
  });

  it("deletionProtection turns on CloudWatch protection and prevent_destroy", () => {
    const json = synthJson((s) => new LogGroup(s, "logs", { name: "/app/application", retentionDays: 30, deletionProtection: true }));
    const group = only(json, "aws_cloudwatch_log_group");
    expect(group.deletion_protection_enabled).toBe(true);
    expect(group.lifecycle).toEqual({ prevent_destroy: true });
  });

  it("rejects a retention CloudWatch does not accept", () => {
    expect(() => synthJson((s) => new LogGroup(s, "logs", { name: "/x", retentionDays: 10 }))).toThrow(
      "LogGroup /x: log retention 10 days is not a CloudWatch Logs retention value: use one of 1, 3, 5, 7, 14, 30,",
    );
    expect(validateLogRetention(365)).toBeUndefined();
    expect(validateLogRetention(0)).toMatch(/not a CloudWatch Logs retention value/);
  });
});
