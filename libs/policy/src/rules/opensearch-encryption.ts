import { mustBeTrue, mustBeOneOf, mustBeCmk, requirementRule } from "./requirements";

export const OPENSEARCH_TLS_POLICY = "Policy-Min-TLS-1-2-PFS-2023-10";

/** Index data at rest, between nodes and to clients, all encrypted; clients on TLS 1.2 with forward secrecy. */
export const opensearchEncryption = requirementRule({
  id: "INF-OS-001",
  title: "OpenSearch encrypts at rest (CMK), node to node, and enforces HTTPS with TLS 1.2 PFS",
  mirrors: ["CKV_AWS_5", "CKV_AWS_247", "CKV_AWS_6", "CKV_AWS_83", "CKV_AWS_228", "AwsSolutions-OS8", "AwsSolutions-OS2"],
  catalogue: [20],
  resourceTypes: ["aws_opensearch_domain"],
  severity: "high",
  requires: [
    mustBeTrue("encrypt_at_rest.enabled"),
    mustBeCmk("encrypt_at_rest.kms_key_id"),
    mustBeTrue("node_to_node_encryption.enabled"),
    mustBeTrue("domain_endpoint_options.enforce_https"),
    mustBeOneOf("domain_endpoint_options.tls_security_policy", [OPENSEARCH_TLS_POLICY]),
  ],
});
