import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantDomain } from "./fixtures";
import { opensearchResilience as rule } from "./opensearch-resilience";

describe("INF-OS-004 OpenSearch resilience", () => {
  it("Compliance: 3 dedicated masters with zone awareness pass", () => {
    expect(statuses(rule, compliantDomain())).toEqual({ "aws_opensearch_domain.search": "passed" });
  });

  it("Noncompliance: 2 masters without zone awareness fail", () => {
    const tf = clone(compliantDomain());
    tf["aws_opensearch_domain"]!["search"]!["cluster_config"] = { dedicated_master_enabled: true, dedicated_master_count: 2 };
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-OS-004", address: "aws_opensearch_domain.search", attribute: "cluster_config.dedicated_master_count", found: "2", expected: ">= 3" },
      { rule: "INF-OS-004", address: "aws_opensearch_domain.search", attribute: "cluster_config.zone_awareness_enabled", found: "unset", expected: "true" },
    ]);
  });
});
