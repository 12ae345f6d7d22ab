import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import type { StackBuilder } from "@infra/core";
import { GITHUB_OIDC_AUDIENCE, GITHUB_OIDC_HOST, buildCiAccess } from "@infra/platform";
import { TerraformOutput } from "cdktf";
import type { AtlasAppDeployInputs } from "../inputs/modules";
import { atlasTags } from "./common";
import { buildAtlasEcr } from "./ecr";
import { buildAtlasEcs } from "./ecs";

export interface AtlasAppDeploy {
  readonly roleArn: string;
}

interface Statement {
  Sid: string;
  Effect: "Allow";
  Principal?: { Federated: string };
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

const policy = (statements: Statement[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

/** What a push needs on a repository (docker push and the layer checks before it). */
export const ECR_PUSH_ACTIONS = [
  "ecr:BatchCheckLayerAvailability",
  "ecr:BatchGetImage",
  "ecr:CompleteLayerUpload",
  "ecr:DescribeImages",
  "ecr:GetDownloadUrlForLayer",
  "ecr:InitiateLayerUpload",
  "ecr:PutImage",
  "ecr:UploadLayerPart",
];

/**
 * The application repositories' deploy role of one env (issue 14): trusted through the account's
 * GitHub OIDC provider, which security/ci-access owns (an account holds one provider per URL: this
 * stack reads its ARN from that stack and never creates one), for exactly the configured
 * `repo:<org>/<repo>:<subject>` claims. It pushes to the env's ECR repositories (exact ARNs) and,
 * from phase 2, deploys: registers task definitions, passes only the services' task and execution
 * roles to ECS, updates the rolling services and creates CodeDeploy deployments of the blue/green
 * ones (phase 4). It runs no Terraform: no state access, no other service.
 */
export const buildAtlasAppDeploy: StackBuilder<AtlasAppDeployInputs, AtlasAppDeploy> = (stack, inputs, ctx) => {
  const { accountId } = ctx.env;
  const region = ctx.deployment.region.name;
  const oidc = ctx.dependencyOn("ciAccess", buildCiAccess);
  const registry = ctx.dependencyOn("ecr", buildAtlasEcr);
  const tags = atlasTags("ci");

  const subjects = inputs.trust.flatMap((t) => t.subjects.map((s) => `repo:${t.repository}:${s}`));
  const role = new IamRole(stack, "role", {
    name: inputs.roleName,
    description: `GitHub Actions of ${inputs.trust.map((t) => t.repository).join(", ")}: push images and deploy AccountabilityAtlas in ${ctx.env.name}`,
    assumeRolePolicy: policy([
      {
        Sid: "GitHubActionsOidc",
        Effect: "Allow",
        Principal: { Federated: oidc.oidcProviderArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_OIDC_AUDIENCE,
            [`${GITHUB_OIDC_HOST}:sub`]: subjects.length === 1 ? subjects[0]! : subjects,
          },
        },
      },
    ]),
    maxSessionDuration: inputs.maxSessionHours * 3600,
    // CiScope: an application delivery role, not a Terraform CI role (preflight PRE-CI-001 applies to those).
    tags: { ...tags, Name: inputs.roleName, CiScope: "application-delivery" },
  });

  const repositoryArns = inputs.repositories.map((name) => {
    const repo = registry.repositories[name];
    if (!repo)
      throw new Error(`atlas-security/app-deploy: repository ${name} is not one of atlas-services/ecr's (${Object.keys(registry.repositories).join(", ")})`);
    return repo.arn;
  });
  const statements: Statement[] = [
    // GetAuthorizationToken has no resource-level permissions: the token is for the registry, the pushes are scoped below.
    { Sid: "EcrLogin", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
    { Sid: "PushImages", Effect: "Allow", Action: ECR_PUSH_ACTIONS, Resource: repositoryArns },
  ];

  if (inputs.deploy === "ecs") {
    const compute = ctx.dependencyOn("ecs", buildAtlasEcs);
    const services = Object.values(compute.services);
    const serviceArn = (name: string) => `arn:aws:ecs:${region}:${accountId}:service/${compute.clusterName}/${name}`;
    const rolling = services.filter((s) => !s.codeDeployAppName);
    const blueGreen = services.filter((s) => s.codeDeployAppName && s.codeDeployDeploymentGroupName);
    statements.push(
      // RegisterTaskDefinition and DescribeTaskDefinition take no resource ARN (the family is created by the call).
      { Sid: "TaskDefinitions", Effect: "Allow", Action: ["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"], Resource: "*" },
      {
        Sid: "PassTaskRoles",
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: services.flatMap((s) => [s.taskRoleArn, s.executionRoleArn]),
        Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
      },
      { Sid: "DescribeServices", Effect: "Allow", Action: "ecs:DescribeServices", Resource: services.map((s) => serviceArn(s.serviceName)) },
    );
    if (rolling.length > 0) {
      statements.push({ Sid: "RollingDeploys", Effect: "Allow", Action: "ecs:UpdateService", Resource: rolling.map((s) => serviceArn(s.serviceName)) });
    }
    if (blueGreen.length > 0) {
      const codedeploy = `arn:aws:codedeploy:${region}:${accountId}`;
      statements.push(
        {
          Sid: "BlueGreenDeploys",
          Effect: "Allow",
          Action: ["codedeploy:CreateDeployment", "codedeploy:GetDeployment", "codedeploy:GetDeploymentGroup"],
          Resource: blueGreen.map((s) => `${codedeploy}:deploymentgroup:${s.codeDeployAppName}/${s.codeDeployDeploymentGroupName}`),
        },
        {
          Sid: "BlueGreenRevisions",
          Effect: "Allow",
          Action: ["codedeploy:GetApplication", "codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"],
          Resource: blueGreen.map((s) => `${codedeploy}:application:${s.codeDeployAppName}`),
        },
        // The deployment group's configuration (ECSCanary10Percent5Minutes, ECSAllAtOnce): AWS-defined, read on CreateDeployment.
        { Sid: "BlueGreenConfigs", Effect: "Allow", Action: "codedeploy:GetDeploymentConfig", Resource: `${codedeploy}:deploymentconfig:*` },
      );
    }
  }
  new IamRolePolicy(stack, "deploy", { name: "push-and-deploy", role: role.name, policy: policy(statements) });

  new TerraformOutput(stack, "role-arn", {
    value: role.arn,
    description: `GitHub variable AWS_DEPLOY_ROLE_ARN of the app repositories' ${ctx.env.name} environment`,
  }).overrideLogicalId("AWS_DEPLOY_ROLE_ARN");
  return { roleArn: role.arn };
};
