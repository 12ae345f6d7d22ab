import { companionRule } from "./companion";
import { asStrings, finding } from "./helpers";

const PREFIX = "aws-waf-logs-";

/** Which requests were blocked, and why, is what a WAF tuning or an incident review starts from. */
export const wafLogging = companionRule({
  id: "INF-WAF-001",
  title: "WAF web ACL logs to a destination named aws-waf-logs-*",
  mirrors: ["CKV2_AWS_31"],
  catalogue: [36],
  resourceTypes: ["aws_wafv2_web_acl"],
  severity: "medium",
  companion: { type: "aws_wafv2_web_acl_logging_configuration", attribute: "resource_arn", missing: `logging to a log group named ${PREFIX}*` },
  checkCompanion(logging, _acl, index) {
    const destinations = asStrings(logging.values["log_destination_configs"]);
    // AWS requires the prefix on every destination (log group, bucket, Firehose stream).
    const names = destinations.map((d) => {
      const target = index.resolve(d);
      return target ? String(target.values["name"] ?? target.values["bucket"] ?? "") : d;
    });
    // A literal ARN must contain the prefix; a name only known at apply time cannot be judged here.
    const bad = names.filter((n) => !n.startsWith("${") && !(n.startsWith(PREFIX) || n.includes(`:${PREFIX}`) || n.includes(`/${PREFIX}`)));
    if (destinations.length === 0 || bad.length) return [finding("log_destination_configs", bad.join(", ") || undefined, `a destination named ${PREFIX}*`)];
    return [];
  },
});
