import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { CMK } from "./helpers";
import { kmsPolicy } from "./kms-policy";
import { kmsRotation } from "./kms-rotation";
import { secretEncryption } from "./secret-encryption";
import { secretRotation } from "./secret-rotation";

const accountRoot = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:*", Resource: "*" }] });

describe("INF-KMS-001 rotation", () => {
  it("Compliance: rotation on passes; asymmetric keys are not checked", () =>
    expect(statuses(kmsRotation, { aws_kms_key: { k: { enable_key_rotation: true }, sign: { customer_master_key_spec: "ECC_NIST_P256" } } })).toEqual({
      "aws_kms_key.k": "passed",
    }));
  it("Noncompliance: rotation off fails", () =>
    expect(failures(kmsRotation, { aws_kms_key: { k: {} } })).toEqual([
      { rule: "INF-KMS-001", address: "aws_kms_key.k", attribute: "enable_key_rotation", found: "unset", expected: "true" },
    ]));
});

describe("INF-KMS-002 key policy", () => {
  it("Compliance: an inline account-root policy, or an aws_kms_key_policy, passes", () =>
    expect(
      statuses(kmsPolicy, {
        aws_kms_key: { k: { policy: accountRoot }, j: {} },
        aws_kms_key_policy: { j: { key_id: "${aws_kms_key.j.id}", policy: accountRoot } },
      }),
    ).toEqual({
      "aws_kms_key.k": "passed",
      "aws_kms_key.j": "passed",
    }));
  it("Noncompliance: the default policy, and an open one, fail", () =>
    expect(
      failures(kmsPolicy, {
        aws_kms_key: { k: {}, open: { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:Decrypt" }] }) } },
      }),
    ).toEqual([
      { rule: "INF-KMS-002", address: "aws_kms_key.k", attribute: "policy", found: "unset", expected: "an explicit key policy (or aws_kms_key_policy)" },
      {
        rule: "INF-KMS-002",
        address: "aws_kms_key.open",
        attribute: "policy",
        found: 'Allow to Principal "*" without condition',
        expected: 'no unconditioned "*" principal',
      },
    ]));
});

describe("INF-SM-001 secret encryption", () => {
  it("Compliance: our key passes", () =>
    expect(statuses(secretEncryption, { aws_kms_key: { k: {} }, aws_secretsmanager_secret: { s: { kms_key_id: "${aws_kms_key.k.arn}" } } })).toEqual({
      "aws_secretsmanager_secret.s": "passed",
    }));
  it("Noncompliance: the default aws/secretsmanager key fails", () =>
    expect(failures(secretEncryption, { aws_secretsmanager_secret: { s: {} } })).toEqual([
      { rule: "INF-SM-001", address: "aws_secretsmanager_secret.s", attribute: "kms_key_id", found: "unset", expected: CMK },
    ]));
});

describe("INF-SM-002 secret rotation", () => {
  it("Compliance: 30 days and rate(90 days) pass", () =>
    expect(
      statuses(secretRotation, {
        aws_secretsmanager_secret: { a: {}, b: {} },
        aws_secretsmanager_secret_rotation: {
          a: { secret_id: "${aws_secretsmanager_secret.a.id}", rotation_rules: { automatically_after_days: 30 } },
          b: { secret_id: "${aws_secretsmanager_secret.b.id}", rotation_rules: { schedule_expression: "rate(90 days)" } },
        },
      }),
    ).toEqual({ "aws_secretsmanager_secret.a": "passed", "aws_secretsmanager_secret.b": "passed" }));
  it("Noncompliance: 180 days, and no rotation, fail", () =>
    expect(
      failures(secretRotation, {
        aws_secretsmanager_secret: { a: {}, b: {} },
        aws_secretsmanager_secret_rotation: { a: { secret_id: "${aws_secretsmanager_secret.a.id}", rotation_rules: { automatically_after_days: 180 } } },
      }),
    ).toEqual([
      {
        rule: "INF-SM-002",
        address: "aws_secretsmanager_secret.a",
        attribute: "aws_secretsmanager_secret_rotation.a.rotation_rules",
        found: '{"automatically_after_days":180}',
        expected: "<= 90 days",
      },
      {
        rule: "INF-SM-002",
        address: "aws_secretsmanager_secret.b",
        attribute: "aws_secretsmanager_secret_rotation",
        found: "unset",
        expected: "rotation every <= 90 days",
      },
    ]));
});
