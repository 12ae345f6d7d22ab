import { describe, expect, it } from "vitest";
import { ApiGatewayLoggingRole } from "./account";
import { only, synthJson } from "@infra/testing-core/blocks";

describe("ApiGatewayLoggingRole", () => {
  it("sets the account's CloudWatch role, trusted by API Gateway only", () => {
    const { resource, data } = synthJson((s) => new ApiGatewayLoggingRole(s, "logging", { roleName: "prod-us-east-1-apigateway-cloudwatch" }));
    expect(only(resource.aws_iam_role, "role").name).toBe("prod-us-east-1-apigateway-cloudwatch");
    expect(only(data.aws_iam_policy_document, "assume").statement[0].principals).toEqual([{ type: "Service", identifiers: ["apigateway.amazonaws.com"] }]);
    expect(only(resource.aws_iam_role_policy_attachment, "attachment").policy_arn).toBe(
      "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs",
    );
    expect(only(resource.aws_api_gateway_account, "account").cloudwatch_role_arn).toMatch(/^\$\{aws_iam_role\.logging_role_[A-Z0-9]+\.arn\}$/);
  });

  it("sets every listed region (one role: IAM is global), each with its own resource and region argument", () => {
    const { resource } = synthJson(
      (s) => new ApiGatewayLoggingRole(s, "logging", { roleName: "prod-apigateway-cloudwatch", regions: ["us-west-2", "us-east-1"] }),
    );
    const accounts = Object.entries(resource.aws_api_gateway_account as Record<string, Record<string, unknown>>);
    expect(accounts.map(([name, a]) => [name.replace(/_[A-F0-9]{8}$/, ""), a["region"]])).toEqual([
      ["logging_account-us-east-1", "us-east-1"],
      ["logging_account-us-west-2", "us-west-2"],
    ]);
    expect(Object.keys(resource.aws_iam_role)).toHaveLength(1);
  });
});
