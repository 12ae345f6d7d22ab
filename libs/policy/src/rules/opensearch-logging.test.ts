import { ruleCases } from "../rule-cases";
import { compliantDomain } from "./fixtures";
import { opensearchLogging as rule } from "./opensearch-logging";

ruleCases(rule, "INF-OS-003 OpenSearch logs", {
  fixture: compliantDomain,
  compliant: { name: "all four log types published passes", statuses: { "aws_opensearch_domain.search": "passed" } },
  noncompliant: [
    {
      name: "disabled audit logs and no application logs fail",
      mutate: (tf) => {
        const d = tf["aws_opensearch_domain"]!["search"]!;
        d["log_publishing_options"] = [
          { log_type: "INDEX_SLOW_LOGS", cloudwatch_log_group_arn: "x" },
          { log_type: "SEARCH_SLOW_LOGS", cloudwatch_log_group_arn: "x" },
          { log_type: "AUDIT_LOGS", cloudwatch_log_group_arn: "x", enabled: false },
        ];
      },
      failures: [
        {
          address: "aws_opensearch_domain.search",
          attribute: "log_publishing_options",
          found: "ES_APPLICATION_LOGS, AUDIT_LOGS missing",
          expected: "enabled for INDEX_SLOW_LOGS, SEARCH_SLOW_LOGS, ES_APPLICATION_LOGS, AUDIT_LOGS",
        },
      ],
    },
  ],
});
