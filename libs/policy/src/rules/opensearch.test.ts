/** OpenSearch rules (INF-OS-*): one ruleCases table per rule, in the order of rules/index.ts. */
import { ruleCases } from "../rule-cases";
import { compliantDomain } from "./fixtures";
import { CMK } from "./helpers";
import { opensearchAccess } from "./opensearch-access";
import { opensearchEncryption } from "./opensearch-encryption";
import { opensearchLogging } from "./opensearch-logging";
import { opensearchResilience } from "./opensearch-resilience";

const at = { address: "aws_opensearch_domain.search" };

ruleCases(opensearchEncryption, "INF-OS-001 OpenSearch encryption", {
  fixture: compliantDomain,
  compliant: { name: "the encrypted domain passes", statuses: { "aws_opensearch_domain.search": "passed" } },
  noncompliant: [
    {
      name: "no CMK, no node-to-node encryption, an old TLS policy fail",
      mutate: (tf) => {
        const d = tf["aws_opensearch_domain"]!["search"]!;
        d["encrypt_at_rest"] = { enabled: true };
        d["node_to_node_encryption"] = { enabled: false };
        d["domain_endpoint_options"] = { enforce_https: true, tls_security_policy: "Policy-Min-TLS-1-0-2019-07" };
      },
      failures: [
        { ...at, attribute: "encrypt_at_rest.kms_key_id", found: "unset", expected: CMK },
        { ...at, attribute: "node_to_node_encryption.enabled", found: "false", expected: "true" },
        { ...at, attribute: "domain_endpoint_options.tls_security_policy", found: "Policy-Min-TLS-1-0-2019-07", expected: "Policy-Min-TLS-1-2-PFS-2023-10" },
      ],
    },
  ],
});

ruleCases(opensearchAccess, "INF-OS-002 OpenSearch access", {
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

ruleCases(opensearchLogging, "INF-OS-003 OpenSearch logs", {
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

ruleCases(opensearchResilience, "INF-OS-004 OpenSearch resilience", {
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
