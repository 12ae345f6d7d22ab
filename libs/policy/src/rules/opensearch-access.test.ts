import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantDomain } from "./fixtures";
import { opensearchAccess as rule } from "./opensearch-access";

describe("INF-OS-002 OpenSearch access", () => {
  it("Compliance: a VPC domain with FGAC and a role-scoped policy passes", () => {
    expect(statuses(rule, compliantDomain())).toEqual({ "aws_opensearch_domain.search": "passed" });
  });

  it("Noncompliance: a public domain without FGAC and an open policy resource fails", () => {
    const tf = clone(compliantDomain());
    const d = tf["aws_opensearch_domain"]!["search"]!;
    delete d["vpc_options"];
    delete d["access_policies"];
    d["advanced_security_options"] = { enabled: false };
    tf["aws_opensearch_domain_policy"] = {
      p: {
        domain_name: "${aws_opensearch_domain.search.domain_name}",
        access_policies: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "es:*" }] }),
      },
    };
    const at = { rule: "INF-OS-002", address: "aws_opensearch_domain.search" };
    expect(failures(rule, tf)).toEqual([
      { ...at, attribute: "vpc_options.subnet_ids", found: "unset", expected: "private subnets (the domain inside the VPC)" },
      { ...at, attribute: "vpc_options.security_group_ids", found: "unset", expected: "the domain's own security group" },
      { ...at, attribute: "advanced_security_options.enabled", found: "false", expected: "true" },
      { ...at, attribute: "access_policies", found: 'Allow es:* to Principal "*" without condition', expected: 'no unconditioned "*" principal' },
    ]);
  });
});
