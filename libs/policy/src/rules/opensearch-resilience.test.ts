import { ruleCases } from "../rule-cases";
import { compliantDomain } from "./fixtures";
import { opensearchResilience as rule } from "./opensearch-resilience";

ruleCases(rule, "INF-OS-004 OpenSearch resilience", {
  fixture: compliantDomain,
  compliant: { name: "3 dedicated masters with zone awareness pass", statuses: { "aws_opensearch_domain.search": "passed" } },
  noncompliant: [
    {
      name: "2 masters without zone awareness fail",
      mutate: (tf) => {
        tf["aws_opensearch_domain"]!["search"]!["cluster_config"] = { dedicated_master_enabled: true, dedicated_master_count: 2 };
      },
      failures: [
        { address: "aws_opensearch_domain.search", attribute: "cluster_config.dedicated_master_count", found: "2", expected: ">= 3" },
        { address: "aws_opensearch_domain.search", attribute: "cluster_config.zone_awareness_enabled", found: "unset", expected: "true" },
      ],
    },
  ],
});
