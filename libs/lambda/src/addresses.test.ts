import { LibraryTagAspect } from "@infra/core";
import { describe, expect, it } from "vitest";
import { LambdaFunction } from "./function";
import { SubMinuteSchedule } from "./sub-minute-schedule";
import { type Json, addresses, synthJson } from "@infra/testing-core/blocks";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/abc";
const props = {
  name: "fn",
  runtime: "nodejs22.x",
  handler: "index.handler",
  code: { s3Bucket: "b", s3Key: "k" },
  kmsKeyArn: KEY,
  logging: { retentionDays: 30 },
  vpc: { subnetIds: ["s"], securityGroupIds: ["g"] },
};

describe("Terraform addresses", () => {
  it("stay stable for a function with grants, an SQS source and a sub-minute schedule", () => {
    const json = synthJson((s) => {
      const fn = new LambdaFunction(s, "fn", props);
      fn.addToRolePolicy({ sid: "ReadTable", actions: ["dynamodb:GetItem"], resources: ["arn:aws:dynamodb:us-east-1:111111111111:table/t"] });
      fn.addSqsEventSource("jobs", { queueArn: "arn:aws:sqs:us-east-1:111111111111:jobs" });
      new SubMinuteSchedule(s, "every-10s", { name: "fn-10s", target: fn, intervalSeconds: 10, kmsKeyArn: KEY, logRetentionDays: 30 });
    });
    expect(addresses(json)).toMatchSnapshot();
  });

  it("tags every taggable resource with Library=lambda", () => {
    const { resource } = synthJson((s) => new LambdaFunction(s, "fn", props), { aspects: [new LibraryTagAspect()] });
    for (const type of ["aws_lambda_function", "aws_iam_role", "aws_cloudwatch_log_group"]) {
      for (const r of Object.values(resource[type] as Json)) expect((r as Json).tags, type).toMatchObject({ Library: "lambda", Name: "fn" });
    }
  });
});
