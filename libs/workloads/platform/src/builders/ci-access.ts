import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { iamServicesOfTypes } from "@infra/config";
import type { StackBuilder } from "@infra/core";
import type { JsonPolicyStatement as Statement } from "@infra/iam";
import { Lazy, TerraformDataSource, TerraformOutput, TerraformResource } from "cdktf";
import type { IConstruct } from "constructs";
import type { CiAccessInputs } from "../inputs/ci-access";

export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
export const GITHUB_OIDC_AUDIENCE = "sts.amazonaws.com";

export interface CiAccessOutputs {
  readonly planRoleArn: string;
  readonly deployRoleArn: string;
  readonly oidcProviderArn: string;
}

const policy = (statements: Statement[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });

/** A policy rendered at synth, when every stack of the env exists (the services are derived from them). */
const lazyPolicy = (statements: () => Statement[]): string => Lazy.stringValue({ produce: () => policy(statements()) });

/**
 * The IAM services of every resource and data source the env synthesizes (all stacks of the app),
 * plus `extra`. Read at synth, once every stack is built: a phase that adds Cloud Map or CodeDeploy
 * resources adds their services to the roles without anyone editing a list.
 */
export function servicesOfApp(scope: IConstruct, extra: readonly string[]): string[] {
  const types = new Set<string>();
  for (const node of scope.node.root.node.findAll()) {
    if (node instanceof TerraformResource || node instanceof TerraformDataSource) types.add(node.terraformResourceType);
  }
  return [...new Set([...iamServicesOfTypes(types), ...extra])].sort();
}

/** What the roles may touch of the Terraform state backend of this account (apps/bootstrap). */
interface StateBackendArns {
  readonly bucket: string;
  /** The state bucket's access-log bucket (apps/bootstrap: `<bucket>-access-logs`). */
  readonly accessLogs: string;
  /** This env's state objects: `<bucket>/<env>/*`. */
  readonly objects: string;
  /** apps/bootstrap's own state (`<env>/bootstrap/`): administrators only. */
  readonly bootstrapObjects: string;
  readonly lockTable: string | undefined;
  readonly keyAlias: string;
}

/**
 * Seed 004 "Service Accounts: CI/CD (GitHub Actions)", as docs/delivery.md specifies it: the
 * account's GitHub OIDC provider, a read-only plan role (PR plans, drift) and a plan/apply role
 * trusted only for the env's gated GitHub Environment. Role ARNs are stack outputs named after the
 * GitHub variables the workflows read.
 */
export const buildCiAccess: StackBuilder<CiAccessInputs, CiAccessOutputs> = (stack, inputs, ctx) => {
  const { accountId, state } = ctx.env;
  const partition = "aws";
  const envName = ctx.env.name;
  const managedBy = ctx.env.tags["ManagedBy"];
  // Derived at synth from everything the env's stacks contain (see servicesOfApp).
  const services = () => servicesOfApp(stack, inputs.extraServices);

  const provider = inputs.createOidcProvider
    ? new IamOpenidConnectProvider(stack, "github", {
        url: `https://${GITHUB_OIDC_HOST}`,
        clientIdList: [GITHUB_OIDC_AUDIENCE],
        // No thumbprint: AWS validates GitHub's certificate against its own trusted CAs.
        tags: { Name: GITHUB_OIDC_HOST },
      })
    : undefined;
  const providerArn = provider?.arn ?? `arn:${partition}:iam::${accountId}:oidc-provider/${GITHUB_OIDC_HOST}`;

  const trust = (subjects: readonly string[]): string =>
    policy([
      {
        Sid: "GitHubActionsOidc",
        Effect: "Allow",
        // A reference to the provider when created here, so the role waits for it.
        Principal: { Federated: providerArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_OIDC_AUDIENCE,
            [`${GITHUB_OIDC_HOST}:sub`]: subjects.length === 1 ? subjects[0]! : [...subjects],
          },
        },
      },
    ]);
  const repoSubject = (s: string) => `repo:${inputs.githubRepository}:${s}`;

  const arns: StateBackendArns = {
    bucket: `arn:${partition}:s3:::${state.bucket}`,
    accessLogs: `arn:${partition}:s3:::${state.bucket}-access-logs`,
    objects: `arn:${partition}:s3:::${state.bucket}/${envName}/*`,
    bootstrapObjects: `arn:${partition}:s3:::${state.bucket}/${envName}/bootstrap/*`,
    lockTable: state.dynamodbLocking ? `arn:${partition}:dynamodb:${state.region}:${accountId}:table/${state.lockTable}` : undefined,
    // apps/bootstrap names the state key `<bucket>-key` (StateBackend).
    keyAlias: `alias/${state.bucket}-key`,
  };

  // --- plan role -------------------------------------------------------------------------------
  const plan = new IamRole(stack, "plan-role", {
    name: inputs.planRole.name,
    description: `Read-only Terraform plan of ${envName} from ${inputs.githubRepository} (PR plans, drift)`,
    assumeRolePolicy: trust(inputs.planRole.subjects.map(repoSubject)),
    maxSessionDuration: 3600,
    tags: { Name: inputs.planRole.name },
  });
  new IamRolePolicy(stack, "plan-read", {
    name: "read-configuration",
    role: plan.name,
    policy: lazyPolicy((): Statement[] => [
      {
        Sid: "ReadConfiguration",
        Effect: "Allow",
        Action: [...services().flatMap((s) => [`${s}:Describe*`, `${s}:List*`, `${s}:Get*`]), ...inputs.extraReadActions].sort(),
        Resource: "*",
      },
      {
        // Terraform refreshes data.aws_secretsmanager_secret_version of the stacks' own secrets:
        // only secrets this repository manages (provider default tag), decrypted through the service.
        Sid: "DecryptManagedSecretsThroughSecretsManager",
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: `arn:${partition}:kms:*:${accountId}:key/*`,
        Condition: { StringLike: { "kms:ViaService": "secretsmanager.*.amazonaws.com" } },
      },
      {
        Sid: "NoSecretsOutsideThisRepository",
        Effect: "Deny",
        Action: ["secretsmanager:GetSecretValue"],
        Resource: "*",
        // Every stack's provider tags its resources with root.ts's ManagedBy tag.
        ...(managedBy ? { Condition: { StringNotEquals: { "secretsmanager:ResourceTag/ManagedBy": managedBy } } } : {}),
      },
      {
        // Get* includes reading objects: nothing but the state.
        Sid: "NoObjectReadsOutsideTheState",
        Effect: "Deny",
        Action: ["s3:GetObject", "s3:GetObjectVersion"],
        NotResource: [arns.objects],
      },
    ]),
  });
  new IamRolePolicy(stack, "plan-state", {
    name: "terraform-state",
    role: plan.name,
    policy: policy(stateStatements(arns, "read", state)),
  });

  // --- deploy role -----------------------------------------------------------------------------
  const deploy = new IamRole(stack, "deploy-role", {
    name: inputs.deployRole.name,
    description: inputs.deployRole.description,
    assumeRolePolicy: trust([repoSubject(`environment:${inputs.deployRole.githubEnvironment}`)]),
    maxSessionDuration: inputs.deployRole.maxSessionHours * 3600,
    tags: { Name: inputs.deployRole.name },
  });
  const ciArns = [plan.arn, deploy.arn];
  new IamRolePolicy(stack, "deploy-manage", {
    name: "manage-infrastructure",
    role: deploy.name,
    policy: lazyPolicy((): Statement[] => [
      {
        Sid: "ManageInfrastructure",
        Effect: "Allow",
        Action: services().map((s) => `${s}:*`),
        // The state backend only through the TerraformState statements.
        NotResource: [arns.bucket, `${arns.bucket}/*`, arns.accessLogs, `${arns.accessLogs}/*`, ...(arns.lockTable ? [arns.lockTable] : [])],
      },
      {
        // Who may deploy is changed by administrators (applying this stack), never by the pipeline.
        Sid: "CannotChangeCiAccess",
        Effect: "Deny",
        NotAction: ["iam:Get*", "iam:List*"],
        Resource: [...ciArns, providerArn],
      },
      {
        Sid: "CannotWeakenTheStateKey",
        Effect: "Deny",
        Action: ["kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:DisableKeyRotation", "kms:PutKeyPolicy", "kms:DeleteAlias", "kms:UpdateAlias"],
        Resource: "*",
        Condition: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": arns.keyAlias } },
      },
    ]),
  });
  new IamRolePolicy(stack, "deploy-state", {
    name: "terraform-state",
    role: deploy.name,
    policy: policy(stateStatements(arns, "write", state)),
  });

  new TerraformOutput(stack, "plan-role-arn", { value: plan.arn, description: `GitHub variable ${inputs.planRole.outputName}` }).overrideLogicalId(
    inputs.planRole.outputName,
  );
  new TerraformOutput(stack, "deploy-role-arn", {
    value: deploy.arn,
    description: `GitHub variable ${inputs.deployRole.outputName} of the ${inputs.deployRole.githubEnvironment} environment`,
  }).overrideLogicalId(inputs.deployRole.outputName);

  return { planRoleArn: plan.arn, deployRoleArn: deploy.arn, oidcProviderArn: providerArn };
};

/**
 * Terraform's own access to the state backend: list the bucket, read (and for deploy roles write)
 * this env's state objects, take and release the lock, use the state key through S3/DynamoDB.
 */
function stateStatements(arns: StateBackendArns, access: "read" | "write", state: { region: string; useLockfile: boolean }): Statement[] {
  const viaServices = [`s3.${state.region}.amazonaws.com`, ...(arns.lockTable ? [`dynamodb.${state.region}.amazonaws.com`] : [])];
  const statements: Statement[] = [
    { Sid: "ListStateBucket", Effect: "Allow", Action: ["s3:ListBucket", "s3:GetBucketLocation"], Resource: arns.bucket },
    {
      Sid: access === "write" ? "ReadWriteState" : "ReadState",
      Effect: "Allow",
      Action: access === "write" ? ["s3:GetObject", "s3:PutObject"] : ["s3:GetObject"],
      Resource: arns.objects,
    },
  ];
  if (state.useLockfile) {
    // Terraform >= 1.10 native locking: `<key>.tflock` next to each state object.
    statements.push({ Sid: "StateLockFiles", Effect: "Allow", Action: ["s3:PutObject", "s3:DeleteObject"], Resource: `${arns.objects.slice(0, -1)}*.tflock` });
  }
  if (access === "write") {
    statements.push({ Sid: "NotTheBootstrapState", Effect: "Deny", Action: ["s3:PutObject", "s3:DeleteObject"], Resource: arns.bootstrapObjects });
  }
  if (arns.lockTable) {
    statements.push({
      Sid: "StateLockTable",
      Effect: "Allow",
      Action: ["dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"],
      Resource: arns.lockTable,
    });
  }
  statements.push({
    Sid: "StateKeyThroughTheBackend",
    Effect: "Allow",
    Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
    Resource: "*",
    Condition: {
      StringEquals: { "kms:ViaService": viaServices },
      "ForAnyValue:StringEquals": { "kms:ResourceAliases": arns.keyAlias },
    },
  });
  return statements;
}
