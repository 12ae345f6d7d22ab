import type { PolicyRule } from "../types";
import { blocks, finding, isFalse } from "./helpers";

export const OPENSEARCH_LOG_TYPES = ["INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS", "ES_APPLICATION_LOGS", "AUDIT_LOGS"];

/** Slow logs explain outages, application logs explain errors, audit logs explain who read what. */
export const opensearchLogging: PolicyRule = {
  id: "INF-OS-003",
  title: "OpenSearch publishes slow, application and audit logs",
  mirrors: ["CKV_AWS_84", "CKV_AWS_317", "AwsSolutions-OS9"],
  catalogue: [22],
  resourceTypes: ["aws_opensearch_domain"],
  severity: "medium",
  check(domain) {
    const published = blocks(domain.values, "log_publishing_options").filter((o) => !isFalse(o["enabled"]) && o["cloudwatch_log_group_arn"]);
    const missing = OPENSEARCH_LOG_TYPES.filter((t) => !published.some((o) => o["log_type"] === t));
    return missing.length ? [finding("log_publishing_options", missing.join(", ") + " missing", `enabled for ${OPENSEARCH_LOG_TYPES.join(", ")}`)] : [];
  },
};
