import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantDomain } from "./fixtures";
import { opensearchLogging as rule } from "./opensearch-logging";

describe("INF-OS-003 OpenSearch logs", () => {
  it("Compliance: all four log types published passes", () => {
    expect(statuses(rule, compliantDomain())).toEqual({ "aws_opensearch_domain.search": "passed" });
  });

  it("Noncompliance: disabled audit logs and no application logs fail", () => {
    const tf = clone(compliantDomain());
    const d = tf["aws_opensearch_domain"]!["search"]!;
    d["log_publishing_options"] = [
      { log_type: "INDEX_SLOW_LOGS", cloudwatch_log_group_arn: "x" },
      { log_type: "SEARCH_SLOW_LOGS", cloudwatch_log_group_arn: "x" },
      { log_type: "AUDIT_LOGS", cloudwatch_log_group_arn: "x", enabled: false },
    ];
    expect(failures(rule, tf)).toEqual([
      {
        rule: "INF-OS-003",
        address: "aws_opensearch_domain.search",
        attribute: "log_publishing_options",
        found: "ES_APPLICATION_LOGS, AUDIT_LOGS missing",
        expected: "enabled for INDEX_SLOW_LOGS, SEARCH_SLOW_LOGS, ES_APPLICATION_LOGS, AUDIT_LOGS",
      },
    ]);
  });
});
