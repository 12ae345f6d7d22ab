import { AmplifyApp as AwsAmplifyApp } from "@cdktf/provider-aws/lib/amplify-app";
import { AmplifyBranch } from "@cdktf/provider-aws/lib/amplify-branch";
import { AmplifyDomainAssociation } from "@cdktf/provider-aws/lib/amplify-domain-association";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { markLibrary, requirePrerequisite } from "@infra/core";
import { Fn, Token } from "cdktf";
import { Construct } from "constructs";
import { type BranchProps, validateBranches } from "./branches";
import { NEXTJS_SSR_BUILD_SPEC } from "./build-spec";
import { serviceTrustPolicy } from "@infra/iam";

export interface AccessTokenSource {
  /** Secrets Manager secret holding the Git provider token (GitHub: a fine-grained token or app token). */
  readonly secretArn: string;
  /** Key of the token inside a JSON secret. @default the secret string is the token */
  readonly jsonKey?: string;
  /**
   * The secret's name when `secretArn` is a token (a cross-stack ARN). Amplify takes the token
   * itself (`access_token`), so it is read at plan time and its value is a fresh-account
   * prerequisite named by the secret. @default secretArn
   */
  readonly secretName?: string;
}

export interface CustomDomainProps {
  /** e.g. "mile-quest.com" (its Route 53 zone must be in the account for automatic validation). */
  readonly domainName: string;
  /** Sub-domains for branches created automatically (feature branches). @default false */
  readonly enableAutoSubDomain?: boolean;
}

export interface AmplifyAppProps {
  /** App name, e.g. "prod-mile-quest-web". */
  readonly name: string;
  /** Repository URL, e.g. "https://github.com/org/mile-quest". */
  readonly repository: string;
  /** Where the Git access token is read from at plan time (never a literal in code). */
  readonly accessToken: AccessTokenSource;
  /** @default "WEB_COMPUTE" (Next.js SSR) */
  readonly platform?: "WEB_COMPUTE" | "WEB";
  /** amplify.yml contents. @default NEXTJS_SSR_BUILD_SPEC */
  readonly buildSpec?: string;
  /** App-level environment variables (non-secret). @default {} */
  readonly environmentVariables?: Readonly<Record<string, string>>;
  readonly branches: readonly BranchProps[];
  /** @default none (the amplifyapp.com default domain only) */
  readonly customDomain?: CustomDomainProps;
  /** Role the SSR compute assumes to call AWS (e.g. read a DynamoDB table). @default none */
  readonly computeRoleArn?: string;
  /** Delete Amplify branches when their Git branch is deleted. @default true */
  readonly enableBranchAutoDeletion?: boolean;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Amplify Hosting for a Next.js SSR app (seed 003: production on main, staging on staging, PR
 * previews): the app, typed branches, a custom domain with a sub-domain per branch, and a service
 * role limited to writing the app's SSR logs.
 */
export class AmplifyApp extends Construct {
  readonly appId: string;
  readonly arn: string;
  readonly defaultDomain: string;
  readonly serviceRoleArn: string;
  /** Branch resource names by Git branch name. */
  readonly branchNames: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: AmplifyAppProps) {
    super(scope, id);
    markLibrary(this, "amplify");
    validateBranches(props.name, props.branches, props.customDomain !== undefined);
    if (!/^https:\/\//.test(props.repository))
      throw new RangeError(`AmplifyApp ${props.name}: repository ${JSON.stringify(props.repository)} must be an https:// URL`);
    const tags = (suffix: string) => ({ ...props.tags, Name: `${props.name}-${suffix}` });

    // The token is read at plan time: it never appears in code or config (it does reach the state file).
    // Amplify takes no secret ARN, so the secret's value is a declared prerequisite of this stack's plan.
    const secretName = props.accessToken.secretName ?? props.accessToken.secretArn;
    if (Token.isUnresolved(secretName))
      throw new Error(`${this.node.path}: accessToken.secretName is required when secretArn is a token (it names the prerequisite)`);
    requirePrerequisite(this, {
      requirement: {
        kind: "secret-value",
        secret: secretName,
        format: props.accessToken.jsonKey ? `JSON {"${props.accessToken.jsonKey}"}` : "the Git provider token",
      },
      neededAt: "plan",
      reason: "Amplify Hosting clones the repository with this token; Terraform reads it at plan time (access_token takes no ARN)",
    });
    const secret = new DataAwsSecretsmanagerSecretVersion(this, "access-token", { secretId: props.accessToken.secretArn });
    const accessToken =
      props.accessToken.jsonKey === undefined ? secret.secretString : Fn.lookup(Fn.jsondecode(secret.secretString), props.accessToken.jsonKey);

    const region = new DataAwsRegion(this, "region");
    const account = new DataAwsCallerIdentity(this, "account");
    const assume = serviceTrustPolicy(this, "assume", "amplify.amazonaws.com");
    const role = new IamRole(this, "service-role", { namePrefix: `${props.name.slice(0, 28)}-amplify-`, assumeRolePolicy: assume.json, tags: tags("amplify") });
    // SSR logging only: Amplify writes the compute logs to /aws/amplify/<app id>.
    const logs = new DataAwsIamPolicyDocument(this, "logs-doc", {
      statement: [
        {
          sid: "SsrLogs",
          effect: "Allow",
          actions: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups"],
          resources: [`arn:aws:logs:${region.region}:${account.accountId}:log-group:/aws/amplify/*`],
        },
      ],
    });
    new IamRolePolicy(this, "service-role-policy", { name: "ssr-logs", role: role.id, policy: logs.json });
    this.serviceRoleArn = role.arn;

    const app = new AwsAmplifyApp(this, "app", {
      name: props.name,
      repository: props.repository,
      accessToken,
      platform: props.platform ?? "WEB_COMPUTE",
      buildSpec: props.buildSpec ?? NEXTJS_SSR_BUILD_SPEC,
      environmentVariables: { ...props.environmentVariables },
      iamServiceRoleArn: role.arn,
      computeRoleArn: props.computeRoleArn,
      enableBranchAutoDeletion: props.enableBranchAutoDeletion ?? true,
      tags: tags("app"),
    });
    this.appId = app.id;
    this.arn = app.arn;
    this.defaultDomain = app.defaultDomain;

    const branchResources = new Map<string, AmplifyBranch>();
    for (const b of props.branches) {
      const key = b.branchName.replace(/[^A-Za-z0-9-]/g, "-");
      const branch = new AmplifyBranch(this, `branch-${key}`, {
        appId: app.id,
        branchName: b.branchName,
        stage: b.stage,
        framework: b.framework ?? "Next.js - SSR",
        enableAutoBuild: b.enableAutoBuild ?? true,
        enablePullRequestPreview: b.enablePullRequestPreview ?? false,
        environmentVariables: { ...b.environmentVariables },
        tags: tags(`branch-${key}`),
      });
      branchResources.set(b.branchName, branch);
    }
    this.branchNames = Object.fromEntries([...branchResources].map(([name, branch]) => [name, branch.branchName]));

    if (props.customDomain) {
      const served = props.branches.filter((b) => b.subDomainPrefix !== undefined);
      if (served.length === 0) throw new RangeError(`AmplifyApp ${props.name}: customDomain needs at least one branch with subDomainPrefix`);
      new AmplifyDomainAssociation(this, "domain", {
        appId: app.id,
        domainName: props.customDomain.domainName,
        enableAutoSubDomain: props.customDomain.enableAutoSubDomain ?? false,
        // Certificate validation can take long; Terraform need not wait for it.
        waitForVerification: false,
        subDomain: served.map((b) => ({ branchName: branchResources.get(b.branchName)!.branchName, prefix: b.subDomainPrefix! })),
      });
    }
  }
}
