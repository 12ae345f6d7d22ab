import { CodedeployApp } from "@cdktf/provider-aws/lib/codedeploy-app";
import { CodedeployDeploymentGroup } from "@cdktf/provider-aws/lib/codedeploy-deployment-group";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import type { StackBuilder } from "@infra/core";
import { Repository } from "@infra/ecr";
import type { LambdaAlias } from "@infra/lambda";
import type { DeployInputs } from "../inputs";
import { buildMonitoring } from "./ops";
import { buildRestApi } from "./rest-api";
import { buildKms } from "./security";
import { buildWebsocket } from "./websocket";

/**
 * CodeDeploy's managed policy for Lambda deployments, the limited variant: alias updates, alarm
 * reads and SNS notifications, and invoking only `CodeDeployHook_*` hook functions (the full
 * AWSCodeDeployRoleForLambda may invoke any function).
 */
export const CODEDEPLOY_LAMBDA_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited";

export interface DeployOutputs {
  readonly applicationName: string;
  /** Deployment group by function key: what CI names in `aws deploy create-deployment`. */
  readonly deploymentGroups: Readonly<Record<string, string>>;
  readonly repositoryUrl: string;
}

/**
 * Seed 003 "Package → ECR Lambda Containers" and "CFN_P → Canary Deploy": one ECR repository for
 * the functions' container images (CMK, scan on push, immutable tags, lifecycle), and a CodeDeploy
 * application (compute platform Lambda) with one deployment group per API function. CI publishes a
 * version (Terraform's apply of a new artifact) and asks the function's group to move its alias
 * from the current version to it; the group shifts traffic per `deploymentConfig` and rolls back
 * when the function's errors alarm fires or the deployment fails.
 */
export const buildDeploy: StackBuilder<DeployInputs, DeployOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildKms);
  const rest = ctx.dependencyOn("rest", buildRestApi);
  const ws = ctx.dependencyOn("websocket", buildWebsocket);
  const monitoring = ctx.dependencyOn("monitoring", buildMonitoring);

  const repository = new Repository(stack, "functions-repository", {
    name: `${inputs.name}-functions`,
    kmsKeyArn: keys.app.keyArn,
    scanOnPush: true,
    imageTagMutability: "IMMUTABLE",
    lifecycleRules: [
      { kind: "expireUntagged", days: inputs.repository.expireUntaggedDays },
      { kind: "keepLastTagged", count: inputs.repository.keepLastTagged },
    ],
    deletionProtection: inputs.deletionProtection,
  });

  const assume = new DataAwsIamPolicyDocument(stack, "codedeploy-assume", {
    statement: [{ effect: "Allow", actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["codedeploy.amazonaws.com"] }] }],
  });
  const role = new IamRole(stack, "codedeploy-role", {
    name: `${inputs.name}-codedeploy`.slice(0, 64),
    description: "CodeDeploy service role: shifts Mile Quest API aliases between versions",
    assumeRolePolicy: assume.json,
  });
  const attachment = new IamRolePolicyAttachment(stack, "codedeploy-policy", { role: role.name, policyArn: CODEDEPLOY_LAMBDA_POLICY_ARN });
  const app = new CodedeployApp(stack, "codedeploy-app", { name: `${inputs.name}-api`, computePlatform: "Lambda" });

  const aliases: Record<string, LambdaAlias> = { ...rest.aliases, ...ws.aliases };
  const deploymentGroups: Record<string, string> = {};
  for (const fn of Object.keys(aliases).sort()) {
    const alarm = monitoring.functionErrorAlarms[fn];
    if (alarm === undefined) throw new Error(`${ctx.deployment.id}: function ${fn} has no errors alarm in ops-monitoring to roll a deployment back on`);
    const group = new CodedeployDeploymentGroup(stack, `group-${fn}`, {
      appName: app.name,
      deploymentGroupName: fn,
      serviceRoleArn: role.arn,
      deploymentConfigName: inputs.deploymentConfig,
      deploymentStyle: { deploymentOption: "WITH_TRAFFIC_CONTROL", deploymentType: "BLUE_GREEN" },
      autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] },
      alarmConfiguration: { enabled: true, alarms: [alarm] },
      // CodeDeploy checks its role when the group is created.
      dependsOn: [attachment],
    });
    deploymentGroups[fn] = group.deploymentGroupName;
  }
  return { applicationName: app.name, deploymentGroups, repositoryUrl: repository.repositoryUrl };
};
