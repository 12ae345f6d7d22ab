import { ApiGatewayAccount } from "@cdktf/provider-aws/lib/api-gateway-account";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";
import { serviceTrustPolicy } from "@infra/iam";

export interface ApiGatewayLoggingRoleProps {
  /** Role name, e.g. "prod-apigateway-cloudwatch" (IAM is global: one role for every region). */
  readonly roleName: string;
  /**
   * Regions whose account setting points at the role (the resource's own `region` argument, so one
   * stack sets every region). @default the provider's region only
   */
  readonly regions?: readonly string[];
}

/**
 * The account- and region-wide CloudWatch role API Gateway needs before any REST or WebSocket
 * stage can write execution or access logs. `aws_api_gateway_account` is a singleton per account
 * and region: two stacks setting it undo each other on every apply. Create it once (the account
 * foundation), never per API.
 */
export class ApiGatewayLoggingRole extends Construct {
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: ApiGatewayLoggingRoleProps) {
    super(scope, id);
    markLibrary(this, "apigateway");
    const assume = serviceTrustPolicy(this, "assume", "apigateway.amazonaws.com");
    const role = new IamRole(this, "role", { name: props.roleName, assumeRolePolicy: assume.json });
    // AWS's policy for exactly this purpose; API Gateway creates log groups with names it chooses.
    new IamRolePolicyAttachment(this, "push-to-cloudwatch", {
      role: role.name,
      policyArn: "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs",
    });
    if (props.regions === undefined) {
      new ApiGatewayAccount(this, "account", { cloudwatchRoleArn: role.arn });
    } else {
      for (const region of [...new Set(props.regions)].sort()) new ApiGatewayAccount(this, `account-${region}`, { region, cloudwatchRoleArn: role.arn });
    }
    this.roleArn = role.arn;
  }
}
