import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AWS_TEXT, awsText, checkAwsText } from "./aws-text";

describe("AWS text patterns", () => {
  it("WAFv2 descriptions: the API's pattern, parentheses refused with the characters named", () => {
    expect(checkAwsText("wafDescription", "Aerologue edge protection, ARC-009")).toBeUndefined();
    expect(checkAwsText("wafDescription", "Mile Quest REST API stage (regional endpoint)")).toBe(
      `WAFv2 description "Mile Quest REST API stage (regional endpoint)" does not match ${AWS_TEXT.wafDescription.pattern.source} (not allowed: "(" ")"); allowed: ${AWS_TEXT.wafDescription.allowed}`,
    );
    // Whitespace is allowed inside, never at either end.
    expect(checkAwsText("wafDescription", "edge ")).toMatch(/does not match/);
    expect(checkAwsText("wafDescription", "a")).toMatch(/does not match/);
  });

  it("lengths, security group descriptions (ASCII subset), IAM names", () => {
    expect(checkAwsText("wafName", "")).toBe('WAFv2 name "" is 0 characters; AWS accepts 1..128');
    expect(checkAwsText("securityGroupDescription", "Load balancer prod (HTTPS)")).toBeUndefined();
    expect(checkAwsText("securityGroupDescription", "Redis → Aurora")).toMatch(/not allowed: "→"/);
    expect(checkAwsText("iamName", "prod-us-east-1-apigateway-cloudwatch")).toBeUndefined();
    expect(checkAwsText("iamName", "x".repeat(65))).toMatch(/65 characters/);
    expect(checkAwsText("iamDescription", "API Gateway → CloudWatch Logs")).toMatch(/not allowed: "→"/);
  });

  it("as a zod schema, for config text that reaches one of these fields", () => {
    const schema = z.object({ description: awsText("wafDescription") });
    expect(schema.safeParse({ description: "ok, fine" }).success).toBe(true);
    const result = schema.safeParse({ description: "bad (text)" });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["description", expect.stringContaining('not allowed: "(" ")"')]]);
  });
});
