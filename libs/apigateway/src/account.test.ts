import { describe, expect, it } from "vitest";
import { ApiGatewayLoggingRole } from "./account";
import { only, synthJson } from "./test-stack";

describe("ApiGatewayLoggingRole", () => {
  it("sets the account's CloudWatch role, trusted by API Gateway only", () => {
    const { resource, data } = synthJson((s) => new ApiGatewayLoggingRole(s, "logging", { roleName: "prod-us-east-1-apigateway-cloudwatch" }));
    expect(only(resource.aws_iam_role, "role").name).toBe("prod-us-east-1-apigateway-cloudwatch");
    expect(only(data.aws_iam_policy_document, "assume").statement[0].principals).toEqual([{ type: "Service", identifiers: ["apigateway.amazonaws.com"] }]);
    expect(only(resource.aws_iam_role_policy_attachment, "attachment").policy_arn).toBe("arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs");
    expect(only(resource.aws_api_gateway_account, "account").cloudwatch_role_arn).toMatch(/^\$\{aws_iam_role\.logging_role_[A-Z0-9]+\.arn\}$/);
  });
});
