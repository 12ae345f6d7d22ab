import { ruleCases } from "../rule-cases";
import { CMK } from "./helpers";
import { kmsPolicy } from "./kms-policy";
import { kmsRotation } from "./kms-rotation";
import { secretEncryption } from "./secret-encryption";
import { secretRotation } from "./secret-rotation";

const accountRoot = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:*", Resource: "*" }] });

ruleCases(kmsRotation, "INF-KMS-001 rotation", {
  compliant: {
    name: "rotation on passes; asymmetric keys are not checked",
    input: () => ({ aws_kms_key: { k: { enable_key_rotation: true }, sign: { customer_master_key_spec: "ECC_NIST_P256" } } }),
    statuses: {
      "aws_kms_key.k": "passed",
    },
  },
  noncompliant: [
    {
      name: "rotation off fails",
      input: () => ({ aws_kms_key: { k: {} } }),
      failures: [{ address: "aws_kms_key.k", attribute: "enable_key_rotation", found: "unset", expected: "true" }],
    },
  ],
});

ruleCases(kmsPolicy, "INF-KMS-002 key policy", {
  compliant: {
    name: "an inline account-root policy, or an aws_kms_key_policy, passes",
    input: () => ({
      aws_kms_key: { k: { policy: accountRoot }, j: {} },
      aws_kms_key_policy: { j: { key_id: "${aws_kms_key.j.id}", policy: accountRoot } },
    }),
    statuses: {
      "aws_kms_key.k": "passed",
      "aws_kms_key.j": "passed",
    },
  },
  noncompliant: [
    {
      name: "the default policy, and an open one, fail",
      input: () => ({
        aws_kms_key: { k: {}, open: { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:Decrypt" }] }) } },
      }),
      failures: [
        { address: "aws_kms_key.k", attribute: "policy", found: "unset", expected: "an explicit key policy (or aws_kms_key_policy)" },
        {
          address: "aws_kms_key.open",
          attribute: "policy",
          found: 'Allow to Principal "*" without condition',
          expected: 'no unconditioned "*" principal',
        },
      ],
    },
  ],
});

ruleCases(secretEncryption, "INF-SM-001 secret encryption", {
  compliant: {
    name: "our key passes",
    input: () => ({ aws_kms_key: { k: {} }, aws_secretsmanager_secret: { s: { kms_key_id: "${aws_kms_key.k.arn}" } } }),
    statuses: {
      "aws_secretsmanager_secret.s": "passed",
    },
  },
  noncompliant: [
    {
      name: "the default aws/secretsmanager key fails",
      input: () => ({ aws_secretsmanager_secret: { s: {} } }),
      failures: [{ address: "aws_secretsmanager_secret.s", attribute: "kms_key_id", found: "unset", expected: CMK }],
    },
  ],
});

ruleCases(secretRotation, "INF-SM-002 secret rotation", {
  compliant: {
    name: "30 days and rate(90 days) pass",
    input: () => ({
      aws_secretsmanager_secret: { a: {}, b: {} },
      aws_secretsmanager_secret_rotation: {
        a: { secret_id: "${aws_secretsmanager_secret.a.id}", rotation_rules: { automatically_after_days: 30 } },
        b: { secret_id: "${aws_secretsmanager_secret.b.id}", rotation_rules: { schedule_expression: "rate(90 days)" } },
      },
    }),
    statuses: { "aws_secretsmanager_secret.a": "passed", "aws_secretsmanager_secret.b": "passed" },
  },
  noncompliant: [
    {
      name: "180 days, and no rotation, fail",
      input: () => ({
        aws_secretsmanager_secret: { a: {}, b: {} },
        aws_secretsmanager_secret_rotation: { a: { secret_id: "${aws_secretsmanager_secret.a.id}", rotation_rules: { automatically_after_days: 180 } } },
      }),
      failures: [
        {
          address: "aws_secretsmanager_secret.a",
          attribute: "aws_secretsmanager_secret_rotation.a.rotation_rules",
          found: '{"automatically_after_days":180}',
          expected: "<= 90 days",
        },
        {
          address: "aws_secretsmanager_secret.b",
          attribute: "aws_secretsmanager_secret_rotation",
          found: "unset",
          expected: "rotation every <= 90 days",
        },
      ],
    },
  ],
});
