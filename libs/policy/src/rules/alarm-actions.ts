import type { PolicyRule } from "../types";
import { asStrings, finding, isFalse } from "./helpers";

/** An alarm nobody hears is a graph. Its topic is encrypted because alarm payloads name resources. */
export const alarmActions: PolicyRule = {
  id: "INF-CW-001",
  title: "CloudWatch alarm has actions enabled, notifying an encrypted SNS topic",
  mirrors: ["CKV_AWS_319"],
  catalogue: [55],
  resourceTypes: ["aws_cloudwatch_metric_alarm"],
  severity: "medium",
  check(alarm, index) {
    const out = isFalse(alarm.values["actions_enabled"]) ? [finding("actions_enabled", false, "true")] : [];
    const actions = asStrings(alarm.values["alarm_actions"]);
    if (actions.length === 0) return [...out, finding("alarm_actions", alarm.values["alarm_actions"], "an SNS topic")];
    for (const action of actions) {
      const topic = index.resolve(action);
      if (topic?.type === "aws_sns_topic" && !topic.values["kms_master_key_id"])
        out.push(finding(`${topic.address}.kms_master_key_id`, undefined, "a KMS key on the alarm topic"));
    }
    return out;
  },
};
