import { CognitoIdentityPool } from "@cdktf/provider-aws/lib/cognito-identity-pool";
import { CognitoIdentityPoolRolesAttachment } from "@cdktf/provider-aws/lib/cognito-identity-pool-roles-attachment";
import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool";
import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import type { StackBuilder } from "@infra/core";
import { EncryptionKey, Secret } from "@infra/kms";
import type { CognitoInputs, ExternalApi, KmsInputs, SecretsInputs } from "../inputs";
import { EXTERNAL_API_SECRETS } from "../inputs";
import type { StorageOutputs } from "./data";

/** One key per purpose, so a grant on one never opens another (seed 003 "KMS Keys"). */
export interface KeyOutputs {
  /** CloudWatch Logs: Lambda, API access logs, WAF, Route 53 query logs, flow logs, Aurora. */
  readonly logs: EncryptionKey;
  /** Seed 003 "S3 Encryption": user data, data lake, Athena results, replicas. */
  readonly s3: EncryptionKey;
  /** Seed 003 "Aurora Encryption": storage, Performance Insights, master secret. */
  readonly aurora: EncryptionKey;
  /** Application state: DynamoDB, ElastiCache, SQS, SNS, secrets, Lambda environment. */
  readonly app: EncryptionKey;
  /** The SNS alert topic (CloudWatch alarms, EventBridge). */
  readonly alerts: EncryptionKey;
}

export const buildKms: StackBuilder<KmsInputs, KeyOutputs> = (stack, inputs, ctx) => {
  const common = {
    accountId: ctx.env.accountId,
    region: ctx.deployment.region.name,
    deletionWindowInDays: inputs.deletionWindowDays,
    deletionProtection: inputs.deletionProtection,
  };
  // Each key's policy is derived from the constructs that use it (libs/kms key-usage): the ~57 log
  // groups of the app key's Lambda functions, the bus and archive, the queues' senders, the alert
  // topic's publishers. No service is listed here.
  const key = (id: keyof KeyOutputs, description: string) => new EncryptionKey(stack, id, { ...common, name: `${inputs.name}-${id}`, description });
  return {
    logs: key("logs", "Mile Quest CloudWatch Logs"),
    s3: key("s3", "Mile Quest S3 encryption: user data, data lake, Athena results"),
    aurora: key("aurora", "Mile Quest Aurora encryption"),
    app: key("app", "Mile Quest application state: DynamoDB, ElastiCache, SQS, SNS, secrets, Lambda environment"),
    alerts: key("alerts", "Mile Quest alert topic"),
  };
};

export interface SecretOutputs {
  /** Fitbit, Google Fit and Mapbox API credentials (seed 003 External Services). */
  readonly externalApis: Readonly<Record<ExternalApi, Secret>>;
  /** The GitHub token Amplify clones the monorepo with. */
  readonly githubToken: Secret;
  /** The Aurora global primary's master password (prod only). */
  readonly auroraMaster?: Secret;
  /** Secret name prefix: replicas in other regions have the same names. */
  readonly prefix: string;
}

/** Secrets Manager containers; an operator sets the values (`aws secretsmanager put-secret-value`), never code. */
export const buildSecrets: StackBuilder<SecretsInputs, SecretOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependency<KeyOutputs>("kms");
  const replicas = inputs.replicaRegions.map((region) => ({ region, kmsKeyArn: ctx.dependency<KeyOutputs>(`kms-${region}`).app.keyArn }));
  const secret = (id: string, description: string) =>
    new Secret(stack, id, {
      name: `${inputs.prefix}/${id}`,
      description,
      kmsKeyArn: keys.app.keyArn,
      recoveryWindowInDays: inputs.recoveryWindowDays,
      replicas,
      deletionProtection: inputs.deletionProtection,
    });
  const externalApis = Object.fromEntries(
    EXTERNAL_API_SECRETS.map((api) => [api, secret(`external/${api}`, `${api} API credentials (JSON: client id/secret or token)`)]),
  ) as Record<ExternalApi, Secret>;
  return {
    externalApis,
    githubToken: secret("github/amplify-token", "GitHub token Amplify Hosting clones the monorepo with"),
    ...(inputs.auroraMasterPassword ? { auroraMaster: secret("aurora/master-password", "Master password of the Aurora global primary (set before the first apply)") } : {}),
    prefix: inputs.prefix,
  };
};

export interface IdentityOutputs {
  readonly userPoolId: string;
  readonly userPoolArn: string;
  readonly webClientId: string;
  readonly adminClientId: string;
  /** The pool's issuer, for JWT validation by the authorizer. */
  readonly issuer: string;
  readonly identityPoolId: string;
}

/**
 * Seed 003 "Cognito User Pools" and "COG → IAM": the user pool, app clients for the web and admin
 * apps, and an identity pool whose authenticated role reaches only the user's own S3 prefix.
 */
export const buildCognito: StackBuilder<CognitoInputs, IdentityOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependency<KeyOutputs>("kms");
  const storage = ctx.dependency<StorageOutputs>("s3");
  const region = ctx.deployment.region.name;
  const pool = new CognitoUserPool(stack, "user-pool", {
    name: inputs.name,
    usernameAttributes: ["email"],
    autoVerifiedAttributes: ["email"],
    mfaConfiguration: inputs.mfa,
    softwareTokenMfaConfiguration: { enabled: true },
    passwordPolicy: {
      minimumLength: inputs.passwordMinLength,
      requireLowercase: true,
      requireUppercase: true,
      requireNumbers: true,
      requireSymbols: true,
      temporaryPasswordValidityDays: 3,
    },
    accountRecoverySetting: { recoveryMechanism: [{ name: "verified_email", priority: 1 }] },
    adminCreateUserConfig: { allowAdminCreateUserOnly: false },
    deletionProtection: inputs.deletionProtection ? "ACTIVE" : "INACTIVE",
    tags: { Name: inputs.name },
    lifecycle: { preventDestroy: inputs.deletionProtection },
  });
  const client = (id: string, domain: string) =>
    new CognitoUserPoolClient(stack, `${id}-client`, {
      name: `${inputs.name}-${id}`,
      userPoolId: pool.id,
      generateSecret: false,
      explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      preventUserExistenceErrors: "ENABLED",
      enableTokenRevocation: true,
      accessTokenValidity: inputs.accessTokenMinutes,
      idTokenValidity: inputs.accessTokenMinutes,
      refreshTokenValidity: inputs.refreshTokenDays,
      tokenValidityUnits: [{ accessToken: "minutes", idToken: "minutes", refreshToken: "days" }],
      allowedOauthFlowsUserPoolClient: true,
      allowedOauthFlows: ["code"],
      allowedOauthScopes: ["openid", "email", "profile"],
      supportedIdentityProviders: ["COGNITO"],
      callbackUrls: [`https://${domain}/auth/callback`],
      logoutUrls: [`https://${domain}/`],
    });
  const [webDomain, adminDomain] = [inputs.callbackDomains[0]!, inputs.callbackDomains[1] ?? inputs.callbackDomains[0]!];
  const web = client("web", webDomain);
  const admin = client("admin", adminDomain);

  const provider = `cognito-idp.${region}.amazonaws.com/${pool.id}`;
  const identityPool = new CognitoIdentityPool(stack, "identity-pool", {
    identityPoolName: inputs.name.replace(/-/g, "_"),
    allowUnauthenticatedIdentities: false,
    allowClassicFlow: false,
    cognitoIdentityProviders: [web, admin].map((c) => ({ clientId: c.id, providerName: provider, serverSideTokenCheck: true })),
    tags: { Name: inputs.name },
  });
  const assume = new DataAwsIamPolicyDocument(stack, "authenticated-assume", {
    statement: [
      {
        effect: "Allow",
        actions: ["sts:AssumeRoleWithWebIdentity"],
        principals: [{ type: "Federated", identifiers: ["cognito-identity.amazonaws.com"] }],
        condition: [
          { test: "StringEquals", variable: "cognito-identity.amazonaws.com:aud", values: [identityPool.id] },
          { test: "ForAnyValue:StringLike", variable: "cognito-identity.amazonaws.com:amr", values: ["authenticated"] },
        ],
      },
    ],
  });
  const role = new IamRole(stack, "authenticated-role", { name: `${inputs.name}-authenticated`, assumeRolePolicy: assume.json });
  // Each user reaches only users/<their identity id>/ of the user data bucket (uploads of activity photos).
  // "$${" is Terraform's escape: IAM sees the policy variable ${cognito-identity.amazonaws.com:sub}.
  const ownPrefix = `${storage.userData.bucketArn}/users/` + "$${cognito-identity.amazonaws.com:sub}/*";
  const permissions = new DataAwsIamPolicyDocument(stack, "authenticated-permissions", {
    statement: [
      { sid: "OwnUserData", effect: "Allow", actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], resources: [ownPrefix] },
      { sid: "UserDataKey", effect: "Allow", actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [keys.s3.keyArn] },
    ],
  });
  new IamRolePolicy(stack, "authenticated-policy", { name: "own-user-data", role: role.id, policy: permissions.json });
  new CognitoIdentityPoolRolesAttachment(stack, "identity-pool-roles", { identityPoolId: identityPool.id, roles: { authenticated: role.arn } });

  return {
    userPoolId: pool.id,
    userPoolArn: pool.arn,
    webClientId: web.id,
    adminClientId: admin.id,
    issuer: `https://${provider}`,
    identityPoolId: identityPool.id,
  };
};
