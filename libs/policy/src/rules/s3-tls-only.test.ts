import { ruleCases } from "../rule-cases";
import { compliantBucket } from "./fixtures";
import { s3TlsOnly as rule } from "./s3-tls-only";

const EXPECTED = 'a statement Deny s3:* for Principal "*" when aws:SecureTransport = false';

const policyDocument = {
  aws_iam_policy_document: {
    logs: {
      statement: [
        {
          effect: "Deny",
          actions: ["s3:*"],
          principals: [{ type: "*", identifiers: ["*"] }],
          condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
        },
      ],
    },
  },
};

ruleCases(rule, "INF-S3-006 TLS-only bucket policy", {
  fixture: compliantBucket,
  compliant: {
    name: "a JSON policy with the deny passes, and so does an aws_iam_policy_document",
    input: () => {
      const tf = compliantBucket();
      tf["aws_s3_bucket_policy"]!["logs"] = { bucket: "${aws_s3_bucket.logs.id}", policy: "${data.aws_iam_policy_document.logs.json}" };
      return { resource: tf, data: policyDocument };
    },
    statuses: { "aws_s3_bucket.b": "passed", "aws_s3_bucket.logs": "passed" },
  },
  noncompliant: [
    {
      name: "a policy without the deny, and a missing policy, fail",
      mutate: (tf) => {
        tf["aws_s3_bucket_policy"]!["b"]!["policy"] = JSON.stringify({
          Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:root" }, Action: "s3:GetObject" }],
        });
      },
      failures: [
        { address: "aws_s3_bucket.b", attribute: "aws_s3_bucket_policy.b.policy", found: "no TLS-only deny", expected: EXPECTED },
        { address: "aws_s3_bucket.logs", attribute: "aws_s3_bucket_policy", found: "unset", expected: EXPECTED },
      ],
    },
  ],
});
