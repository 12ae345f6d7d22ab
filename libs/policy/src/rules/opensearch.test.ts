import { ruleCases } from "../rule-cases";
import { compliantDomain } from "./fixtures";
import { opensearchAccess as rule } from "./opensearch-access";

const at = { address: "aws_opensearch_domain.search" };

ruleCases(rule, "INF-OS-002 OpenSearch access", {
  fixture: compliantDomain,
  compliant: { name: "a VPC domain with FGAC and a role-scoped policy passes", statuses: { "aws_opensearch_domain.search": "passed" } },
  noncompliant: [
    {
      name: "a public domain without FGAC and an open policy resource fails",
      mutate: (tf) => {
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
      },
      failures: [
        { ...at, attribute: "vpc_options.subnet_ids", found: "unset", expected: "private subnets (the domain inside the VPC)" },
        { ...at, attribute: "vpc_options.security_group_ids", found: "unset", expected: "the domain's own security group" },
        { ...at, attribute: "advanced_security_options.enabled", found: "false", expected: "true" },
        { ...at, attribute: "access_policies", found: 'Allow es:* to Principal "*" without condition', expected: 'no unconditioned "*" principal' },
      ],
    },
  ],
});
