import { companionRule } from "./companion";
import { finding } from "./helpers";
import { deniesInsecureTransport, statementsOf } from "./policy-document";

const EXPECTED = 'a statement Deny s3:* for Principal "*" when aws:SecureTransport = false';

/** Without this deny, any principal allowed elsewhere may read objects over plain HTTP. */
export const s3TlsOnly = companionRule({
  id: "INF-S3-006",
  title: "S3 bucket policy denies requests without TLS",
  mirrors: ["AwsSolutions-S10"],
  catalogue: [29],
  resourceTypes: ["aws_s3_bucket"],
  severity: "high",
  companion: { type: "aws_s3_bucket_policy", attribute: "bucket", missing: EXPECTED },
  checkCompanion(policy, _bucket, index) {
    const statements = statementsOf(policy.values["policy"], index);
    if (!statements) return [finding("policy", "not readable at synth time", `a JSON policy or data.aws_iam_policy_document with ${EXPECTED}`)];
    return deniesInsecureTransport(statements, "s3") ? [] : [finding("policy", "no TLS-only deny", EXPECTED)];
  },
});
