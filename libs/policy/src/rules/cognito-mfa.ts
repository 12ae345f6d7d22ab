import { mustBeOneOf, requirementRule } from "./requirements";

/** A stolen password alone must not open an account. Seed 000's optional TOTP is a waiver with its reason. */
export const cognitoMfa = requirementRule({
  id: "INF-COG-002",
  title: "Cognito user pool requires MFA",
  mirrors: ["AwsSolutions-COG2", "AwsSolutions-COG8"],
  catalogue: [67],
  resourceTypes: ["aws_cognito_user_pool"],
  severity: "medium",
  requires: [mustBeOneOf("mfa_configuration", ["ON"])],
});
