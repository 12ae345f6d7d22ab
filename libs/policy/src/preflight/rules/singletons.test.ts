import { describe, expect, it } from "vitest";
import { EnvFixture, preflightFailures, preflightStatuses } from "../test-harness";
import { oneOwnerSingletons as rule } from "./singletons";

describe("PRE-ONE-001 one owner per account/region singleton", () => {
  it("Compliance: one API Gateway account per region, service-linked roles per service and suffix, one OIDC provider", () => {
    const e = new EnvFixture({
      foundation: {
        resource: {
          aws_api_gateway_account: { main: { cloudwatch_role_arn: "${aws_iam_role.apigw.arn}" } },
          aws_iam_service_linked_role: {
            asg: { aws_service_name: "autoscaling.amazonaws.com" },
            ecs: { aws_service_name: "ecs.amazonaws.com" },
            asgB: { aws_service_name: "autoscaling.amazonaws.com", custom_suffix: "b" },
          },
          aws_iam_openid_connect_provider: { github: { url: "https://token.actions.githubusercontent.com", client_id_list: ["sts.amazonaws.com"] } },
        },
      },
      west: { region: "us-west-2", resource: { aws_api_gateway_account: { main: { cloudwatch_role_arn: "arn" } } } },
    });
    expect(Object.values(preflightStatuses(rule, e)).every((s) => s === "passed")).toBe(true);
    expect(Object.keys(preflightStatuses(rule, e))).toHaveLength(6);
  });

  it("Compliance: one stack owning a regional singleton in several regions through the resources' own region argument (provider 6)", () => {
    const e = new EnvFixture({
      foundation: {
        resource: {
          aws_api_gateway_account: {
            "account-eu-west-1": { region: "eu-west-1" },
            "account-us-east-1": { region: "us-east-1" },
            "account-us-west-2": { region: "us-west-2" },
          },
        },
      },
    });
    expect(preflightStatuses(rule, e)).toEqual({
      "foundation/aws_api_gateway_account.account-eu-west-1": "passed",
      "foundation/aws_api_gateway_account.account-us-east-1": "passed",
      "foundation/aws_api_gateway_account.account-us-west-2": "passed",
    });
  });

  it("Noncompliance: a region argument naming the stack's own region is a second owner there", () => {
    const e = new EnvFixture({
      foundation: {
        resource: { aws_api_gateway_account: { main: {}, "account-us-east-1": { region: "us-east-1" }, "account-us-west-2": { region: "us-west-2" } } },
      },
    });
    expect(preflightFailures(rule, e).map((f) => [f.address, f.found])).toEqual([
      [
        "foundation/aws_api_gateway_account.account-us-east-1",
        "a second owner in 111111111111/us-east-1: foundation/aws_api_gateway_account.main owns it already",
      ],
    ]);
  });

  it("Noncompliance: API Gateway account settings in two workloads, a second Config recorder and a second autoscaling role fail", () => {
    const e = new EnvFixture({
      aerologue: {
        resource: {
          aws_api_gateway_account: { a: {} },
          aws_config_configuration_recorder: { r: { name: "default" } },
          aws_iam_service_linked_role: { asg: { aws_service_name: "autoscaling.amazonaws.com" } },
        },
      },
      milequest: { resource: { aws_api_gateway_account: { a: {} }, aws_config_configuration_recorder: { r: { name: "other" } } } },
      dr: { region: "us-west-2", resource: { aws_iam_service_linked_role: { asg: { aws_service_name: "autoscaling.amazonaws.com" } } } },
    });
    expect(preflightFailures(rule, e).map((f) => [f.address, f.found])).toEqual([
      ["milequest/aws_api_gateway_account.a", "a second owner in 111111111111/us-east-1: aerologue/aws_api_gateway_account.a owns it already"],
      [
        "milequest/aws_config_configuration_recorder.r",
        "a second owner in 111111111111/us-east-1: aerologue/aws_config_configuration_recorder.r owns it already",
      ],
      [
        "dr/aws_iam_service_linked_role.asg",
        "a second owner in account 111111111111 (autoscaling.amazonaws.com): aerologue/aws_iam_service_linked_role.asg owns it already",
      ],
    ]);
  });
});
