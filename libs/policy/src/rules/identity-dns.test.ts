import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { cognitoIdentityPool } from "./cognito-identity-pool";
import { cognitoMfa } from "./cognito-mfa";
import { cognitoPasswordPolicy } from "./cognito-password-policy";
import { route53Dnssec, route53QueryLogging } from "./route53";

const strong = { minimum_length: 12, require_uppercase: true, require_lowercase: true, require_numbers: true, require_symbols: true };

describe("INF-COG-001 password policy", () => {
  it("Compliance: 12 characters with all classes passes", () =>
    expect(statuses(cognitoPasswordPolicy, { aws_cognito_user_pool: { users: { password_policy: strong } } })).toEqual({
      "aws_cognito_user_pool.users": "passed",
    }));
  it("Noncompliance: 6 characters without symbols, and an implicit policy, fail", () =>
    expect(
      failures(cognitoPasswordPolicy, {
        aws_cognito_user_pool: { users: { password_policy: { ...strong, minimum_length: 6, require_symbols: false } }, implicit: {} },
      }),
    ).toEqual([
      { rule: "INF-COG-001", address: "aws_cognito_user_pool.users", attribute: "password_policy.minimum_length", found: "6", expected: ">= 8" },
      { rule: "INF-COG-001", address: "aws_cognito_user_pool.users", attribute: "password_policy.require_symbols", found: "false", expected: "true" },
      { rule: "INF-COG-001", address: "aws_cognito_user_pool.implicit", attribute: "password_policy", found: "unset", expected: "an explicit password policy" },
    ]));
});

describe("INF-COG-002 MFA", () => {
  it("Compliance: ON passes", () =>
    expect(statuses(cognitoMfa, { aws_cognito_user_pool: { users: { mfa_configuration: "ON" } } })).toEqual({ "aws_cognito_user_pool.users": "passed" }));
  it("Noncompliance: OPTIONAL fails", () =>
    expect(failures(cognitoMfa, { aws_cognito_user_pool: { users: { mfa_configuration: "OPTIONAL" } } })).toEqual([
      { rule: "INF-COG-002", address: "aws_cognito_user_pool.users", attribute: "mfa_configuration", found: "OPTIONAL", expected: "ON" },
    ]));
});

describe("INF-COG-003 identity pool", () => {
  it("Compliance: authenticated-only passes", () =>
    expect(statuses(cognitoIdentityPool, { aws_cognito_identity_pool: { ids: { allow_unauthenticated_identities: false } } })).toEqual({
      "aws_cognito_identity_pool.ids": "passed",
    }));
  it("Noncompliance: guest identities fail", () =>
    expect(failures(cognitoIdentityPool, { aws_cognito_identity_pool: { ids: { allow_unauthenticated_identities: true } } })).toEqual([
      { rule: "INF-COG-003", address: "aws_cognito_identity_pool.ids", attribute: "allow_unauthenticated_identities", found: "true", expected: "false" },
    ]));
});

describe("INF-R53-001 / INF-R53-002 query logging and DNSSEC", () => {
  const zones = { aws_route53_zone: { pub: { name: "example.com" }, internal: { name: "corp", vpc: [{ vpc_id: "${aws_vpc.main.id}" }] } } };
  it("Compliance: a public zone with query logging and DNSSEC passes; private zones are not checked", () => {
    const tf = {
      ...zones,
      aws_route53_query_log: { q: { zone_id: "${aws_route53_zone.pub.zone_id}", cloudwatch_log_group_arn: "${aws_cloudwatch_log_group.dns.arn}" } },
      // The provider docs' pattern: DNSSEC → key-signing key → zone.
      aws_route53_key_signing_key: { k: { hosted_zone_id: "${aws_route53_zone.pub.id}", key_management_service_arn: "${aws_kms_key.dnssec.arn}" } },
      aws_route53_hosted_zone_dnssec: { d: { hosted_zone_id: "${aws_route53_key_signing_key.k.hosted_zone_id}" } },
    };
    expect(statuses(route53QueryLogging, tf)).toEqual({ "aws_route53_zone.pub": "passed" });
    expect(statuses(route53Dnssec, tf)).toEqual({ "aws_route53_zone.pub": "passed" });
  });
  it("Noncompliance: a public zone without either fails", () => {
    expect(failures(route53QueryLogging, zones)).toEqual([
      {
        rule: "INF-R53-001",
        address: "aws_route53_zone.pub",
        attribute: "aws_route53_query_log",
        found: "unset",
        expected: "query logging to a CloudWatch log group (us-east-1)",
      },
    ]);
    expect(failures(route53Dnssec, zones)).toEqual([
      {
        rule: "INF-R53-002",
        address: "aws_route53_zone.pub",
        attribute: "aws_route53_hosted_zone_dnssec",
        found: "unset",
        expected: "DNSSEC signing with a KMS key-signing key",
      },
    ]);
  });
});
