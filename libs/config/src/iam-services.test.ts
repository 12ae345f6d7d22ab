import { describe, expect, it } from "vitest";
import { iamServicesOf, iamServicesOfTypes } from "./iam-services";

describe("IAM services of Terraform types", () => {
  it("maps resources and data sources to the services Terraform calls, including on the caller's behalf", () => {
    expect(iamServicesOf("aws_vpc_security_group_ingress_rule")).toEqual(["ec2"]);
    expect(iamServicesOf("aws_route53_record")).toEqual(["route53"]);
    expect(iamServicesOf("aws_route")).toEqual(["ec2"]);
    expect(iamServicesOf("aws_opensearch_domain")).toEqual(["es"]);
    expect(iamServicesOf("aws_appautoscaling_target")).toEqual(["application-autoscaling"]);
    expect(iamServicesOf("aws_codedeploy_deployment_group")).toEqual(["codedeploy"]);
    expect(iamServicesOf("aws_service_discovery_private_dns_namespace")).toEqual(["servicediscovery", "route53", "ec2"]);
    expect(iamServicesOf("aws_db_instance")).toEqual(["rds", "secretsmanager"]);
    expect(iamServicesOf("aws_db_subnet_group")).toEqual(["rds"]);
    expect(iamServicesOf("aws_iam_policy_document")).toEqual([]);
    expect(iamServicesOf("aws_caller_identity")).toEqual(["sts"]);
    expect(iamServicesOf("aws_quicksight_user")).toBeUndefined();
  });

  it("unions, sorts, skips non-AWS types and names every unknown type", () => {
    expect(iamServicesOfTypes(["aws_lb", "aws_lb_listener", "terraform_remote_state", "aws_cognito_identity_pool", "aws_cognito_user_pool"])).toEqual([
      "cognito-identity",
      "cognito-idp",
      "elasticloadbalancing",
    ]);
    expect(() => iamServicesOfTypes(["aws_vpc", "aws_quicksight_user", "aws_mq_broker"])).toThrow(
      "no IAM service known for aws_mq_broker, aws_quicksight_user: add the type to IAM_SERVICES_OF_TYPE (libs/config/src/iam-services.ts)",
    );
  });
});
