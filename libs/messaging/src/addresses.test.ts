import { describe, expect, it } from "vitest";
import { EventRule } from "./event-rule";
import { Queue } from "./queue";
import { addresses, synthJson } from "@infra/testing-core/blocks";
import { Topic } from "./topic";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/abc";
const fn = { functionName: "f", functionArn: "arn:aws:lambda:us-east-1:111111111111:function:f", invokeArn: "x" };

describe("Terraform addresses", () => {
  it("stay stable for a queue, a topic with subscriptions and a rule", () => {
    const json = synthJson((s) => {
      const q = new Queue(s, "jobs", { name: "jobs", kmsKeyArn: KEY });
      new Topic(s, "alerts", {
        name: "alerts",
        kmsKeyArn: KEY,
        subscriptions: { ops: { protocol: "email", endpoint: "ops@example.com" }, jobs: { protocol: "sqs", queue: q } },
      });
      new EventRule(s, "nightly", {
        name: "nightly",
        schedule: "cron(0 3 * * ? *)",
        targets: { fn: { type: "lambda", function: fn }, q: { type: "sqs", queue: q } },
      });
    });
    expect(addresses(json)).toMatchSnapshot();
  });
});
