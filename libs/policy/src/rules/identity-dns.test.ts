import { ruleCases } from "../rule-cases";
import { cognitoIdentityPool } from "./cognito-identity-pool";
import { cognitoMfa } from "./cognito-mfa";
import { cognitoPasswordPolicy } from "./cognito-password-policy";
import { route53Dnssec, route53QueryLogging } from "./route53";

const strong = { minimum_length: 12, require_uppercase: true, require_lowercase: true, require_numbers: true, require_symbols: true };

ruleCases(cognitoPasswordPolicy, "INF-COG-001 password policy", {
  compliant: {
    name: "12 characters with all classes passes",
    input: () => ({ aws_cognito_user_pool: { users: { password_policy: strong } } }),
    statuses: {
      "aws_cognito_user_pool.users": "passed",
    },
  },
  noncompliant: [
    {
      name: "6 characters without symbols, and an implicit policy, fail",
      input: () => ({
        aws_cognito_user_pool: { users: { password_policy: { ...strong, minimum_length: 6, require_symbols: false } }, implicit: {} },
      }),
      failures: [
        { address: "aws_cognito_user_pool.users", attribute: "password_policy.minimum_length", found: "6", expected: ">= 8" },
        { address: "aws_cognito_user_pool.users", attribute: "password_policy.require_symbols", found: "false", expected: "true" },
        { address: "aws_cognito_user_pool.implicit", attribute: "password_policy", found: "unset", expected: "an explicit password policy" },
      ],
    },
  ],
});

ruleCases(cognitoMfa, "INF-COG-002 MFA", {
  compliant: {
    name: "ON passes",
    input: () => ({ aws_cognito_user_pool: { users: { mfa_configuration: "ON" } } }),
    statuses: { "aws_cognito_user_pool.users": "passed" },
  },
  noncompliant: [
    {
      name: "OPTIONAL fails",
      input: () => ({ aws_cognito_user_pool: { users: { mfa_configuration: "OPTIONAL" } } }),
      failures: [{ address: "aws_cognito_user_pool.users", attribute: "mfa_configuration", found: "OPTIONAL", expected: "ON" }],
    },
  ],
});

ruleCases(cognitoIdentityPool, "INF-COG-003 identity pool", {
  compliant: {
    name: "authenticated-only passes",
    input: () => ({ aws_cognito_identity_pool: { ids: { allow_unauthenticated_identities: false } } }),
    statuses: {
      "aws_cognito_identity_pool.ids": "passed",
    },
  },
  noncompliant: [
    {
      name: "guest identities fail",
      input: () => ({ aws_cognito_identity_pool: { ids: { allow_unauthenticated_identities: true } } }),
      failures: [{ address: "aws_cognito_identity_pool.ids", attribute: "allow_unauthenticated_identities", found: "true", expected: "false" }],
    },
  ],
});

const zones = { aws_route53_zone: { pub: { name: "example.com" }, internal: { name: "corp", vpc: [{ vpc_id: "${aws_vpc.main.id}" }] } } };
const loggedAndSigned = () => ({
  ...zones,
  aws_route53_query_log: { q: { zone_id: "${aws_route53_zone.pub.zone_id}", cloudwatch_log_group_arn: "${aws_cloudwatch_log_group.dns.arn}" } },
  // The provider docs' pattern: DNSSEC → key-signing key → zone.
  aws_route53_key_signing_key: { k: { hosted_zone_id: "${aws_route53_zone.pub.id}", key_management_service_arn: "${aws_kms_key.dnssec.arn}" } },
  aws_route53_hosted_zone_dnssec: { d: { hosted_zone_id: "${aws_route53_key_signing_key.k.hosted_zone_id}" } },
});

ruleCases(route53QueryLogging, "INF-R53-001 query logging", {
  fixture: loggedAndSigned,
  compliant: { name: "a public zone with query logging passes; private zones are not checked", statuses: { "aws_route53_zone.pub": "passed" } },
  noncompliant: [
    {
      name: "a public zone without query logging fails",
      input: () => zones,
      failures: [
        {
          address: "aws_route53_zone.pub",
          attribute: "aws_route53_query_log",
          found: "unset",
          expected: "query logging to a CloudWatch log group (us-east-1)",
        },
      ],
    },
  ],
});

ruleCases(route53Dnssec, "INF-R53-002 DNSSEC", {
  fixture: loggedAndSigned,
  compliant: { name: "a public zone with DNSSEC passes; private zones are not checked", statuses: { "aws_route53_zone.pub": "passed" } },
  noncompliant: [
    {
      name: "a public zone without DNSSEC fails",
      input: () => zones,
      failures: [
        { address: "aws_route53_zone.pub", attribute: "aws_route53_hosted_zone_dnssec", found: "unset", expected: "DNSSEC signing with a KMS key-signing key" },
      ],
    },
  ],
});
