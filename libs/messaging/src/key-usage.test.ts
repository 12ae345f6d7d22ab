import { EncryptionKey } from "@infra/kms";
import { describe, expect, it } from "vitest";
import { Queue } from "./queue";
import { synthJson } from "@infra/testing-core/blocks";
import { Topic } from "./topic";

describe("queues and topics: the services their policies let in also use their keys", () => {
  it("a topic subscribing an encrypted queue makes SNS a user of the queue's key; a service publisher of the topic's key", () => {
    synthJson((s) => {
      const appKey = new EncryptionKey(s, "app", { name: "app", accountId: "111111111111", region: "us-east-1" });
      const alertKey = new EncryptionKey(s, "alerts", { name: "alerts", accountId: "111111111111", region: "us-east-1" });
      const queue = new Queue(s, "queue", { name: "work", kmsKeyArn: appKey.keyArn });
      const topic = new Topic(s, "topic", {
        name: "events",
        kmsKeyArn: alertKey.keyArn,
        allowedPublishers: [{ sid: "Rule", servicePrincipal: "events.amazonaws.com", sourceArn: "arn:aws:events:us-east-1:111111111111:rule/x" }],
      });
      topic.addSubscription("work", { protocol: "sqs", queue });
      expect(appKey.uses()).toEqual([{ use: "sns", by: ["test/queue"] }]);
      expect(alertKey.uses()).toEqual([{ use: "events", by: ["test/topic"] }]);
      expect(() => queue.allowSendFrom("Odd", "iot.amazonaws.com", "arn:aws:iot:us-east-1:111111111111:rule/x")).toThrow(
        "iot.amazonaws.com writes to a resource encrypted with a customer-managed key, and libs/kms does not know that service: add it to KEY_SERVICE_NAMES",
      );
    });
  });
});
