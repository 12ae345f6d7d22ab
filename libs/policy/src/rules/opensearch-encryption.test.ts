import { ruleCases } from "../rule-cases";
import { compliantDomain } from "./fixtures";
import { CMK } from "./helpers";
import { opensearchEncryption as rule } from "./opensearch-encryption";

const at = { address: "aws_opensearch_domain.search" };

ruleCases(rule, "INF-OS-001 OpenSearch encryption", {
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
