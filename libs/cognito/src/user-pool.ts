import { CognitoResourceServer } from "@cdktf/provider-aws/lib/cognito-resource-server";
import { CognitoUserPool as AwsUserPool, type CognitoUserPoolLambdaConfig } from "@cdktf/provider-aws/lib/cognito-user-pool";
import { CognitoUserPoolDomain } from "@cdktf/provider-aws/lib/cognito-user-pool-domain";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { markLibrary } from "@infra/core";
import { type LambdaTarget, permissionStatementId } from "@infra/lambda";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { type AppClientProps, appClientErrors, createAppClient } from "./app-client";
import { type CustomAttribute, type StandardAttribute, type StandardAttributeName, attributeErrors, schemaOf } from "./attributes";
import { type IdentityProviders, createIdentityProviders } from "./identity-providers";

export type TriggerName =
  | "preSignUp"
  | "postConfirmation"
  | "preAuthentication"
  | "postAuthentication"
  | "preTokenGeneration"
  | "customMessage"
  | "defineAuthChallenge"
  | "createAuthChallenge"
  | "verifyAuthChallengeResponse"
  | "userMigration";

export interface PasswordPolicy {
  /** @default 8 */
  readonly minimumLength?: number;
  /** @default true */
  readonly requireUppercase?: boolean;
  /** @default true */
  readonly requireLowercase?: boolean;
  /** @default true */
  readonly requireNumbers?: boolean;
  /** Seed 000 turns this off for UX (a documented policy waiver). @default true */
  readonly requireSymbols?: boolean;
  /** @default 7 */
  readonly temporaryPasswordValidityDays?: number;
}

export type EmailSending =
  | { readonly type: "COGNITO_DEFAULT" }
  | {
      readonly type: "SES";
      /** Verified SES identity ARN. */
      readonly sourceArn: string;
      /** e.g. "Aerologue <no-reply@aerologue.app>". */
      readonly fromEmailAddress: string;
      /** @default none */
      readonly replyToEmailAddress?: string;
      /** @default none */
      readonly configurationSet?: string;
    };

export type UserPoolDomain =
  /** Hosted UI at https://<prefix>.auth.<region>.amazoncognito.com */
  | { readonly type: "prefix"; readonly prefix: string }
  /** Hosted UI at your domain; the certificate must be in us-east-1. Add the alias to `cloudfrontDistribution` yourself. */
  | { readonly type: "custom"; readonly domainName: string; readonly certificateArn: string };

export interface ResourceServer {
  /** Display name. */
  readonly name: string;
  /** Scope name → description; clients request "<identifier>/<scope>". */
  readonly scopes: Readonly<Record<string, string>>;
}

export interface UserPoolProps {
  /** e.g. "aerologue-prod-users". */
  readonly name: string;
  /** @default 8 characters with upper, lower, number and symbol */
  readonly passwordPolicy?: PasswordPolicy;
  /** TOTP (authenticator app) MFA. @default "ON" */
  readonly mfa?: "OFF" | "OPTIONAL" | "ON";
  /** What users sign in with. @default ["email"] */
  readonly signInWith?: readonly ("email" | "phone_number")[];
  /**
   * Users sign in with any capitalisation of their username or email. Fixed when the pool is created
   * (changing it replaces the pool): set false to describe a pool created without the setting, which
   * AWS makes case-sensitive. @default true
   */
  readonly caseInsensitiveUsernames?: boolean;
  /** Allow users to sign themselves up. @default true */
  readonly selfSignUp?: boolean;
  /**
   * Standard attributes to require or freeze; `{}` declares none (a pool created without a schema:
   * schema entries cannot be added to an existing pool's standard attributes). @default { email: { required: true } }
   */
  readonly standardAttributes?: Readonly<Partial<Record<StandardAttributeName, StandardAttribute>>>;
  /** Custom attributes by name (without "custom:"). @default {} */
  readonly customAttributes?: Readonly<Record<string, CustomAttribute>>;
  /** Lambda triggers; each gets a permission for this pool only. @default {} */
  readonly triggers?: Readonly<Partial<Record<TriggerName, LambdaTarget>>>;
  /** V2_0 adds access-token customisation (needs the ESSENTIALS or PLUS plan). @default "V1_0" */
  readonly preTokenGenerationVersion?: "V1_0" | "V2_0";
  /** Cognito feature plan. @default "ESSENTIALS" */
  readonly featurePlan?: "LITE" | "ESSENTIALS" | "PLUS";
  /** Threat protection (compromised credentials, adaptive auth); needs featurePlan PLUS. @default "OFF" */
  readonly advancedSecurity?: "OFF" | "AUDIT" | "ENFORCED";
  /** ACTIVE deletion protection and prevent_destroy. */
  readonly deletionProtection: boolean;
  /** @default { type: "COGNITO_DEFAULT" } (50 emails a day: fine for dev only) */
  readonly email?: EmailSending;
  /** Social sign-in with credentials from Secrets Manager. @default {} */
  readonly identityProviders?: IdentityProviders;
  readonly appClient: AppClientProps;
  /** @default none */
  readonly domain?: UserPoolDomain;
  /** Resource servers by identifier (e.g. "https://api.aerologue.app"). @default {} */
  readonly resourceServers?: Readonly<Record<string, ResourceServer>>;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

const TRIGGER_FIELDS: Record<Exclude<TriggerName, "preTokenGeneration">, keyof CognitoUserPoolLambdaConfig> = {
  preSignUp: "preSignUp",
  postConfirmation: "postConfirmation",
  preAuthentication: "preAuthentication",
  postAuthentication: "postAuthentication",
  customMessage: "customMessage",
  defineAuthChallenge: "defineAuthChallenge",
  createAuthChallenge: "createAuthChallenge",
  verifyAuthChallengeResponse: "verifyAuthChallengeResponse",
  userMigration: "userMigration",
};

/** Every validation error for a set of user pool props. Pure. */
export function validateUserPoolProps(props: UserPoolProps): string[] {
  const pp = props.passwordPolicy ?? {};
  const min = pp.minimumLength ?? 8;
  const tmp = pp.temporaryPasswordValidityDays ?? 7;
  const plan = props.featurePlan ?? "ESSENTIALS";
  const d = props.domain;
  return [
    /^[\w\s+=,.@-]{1,128}$/.test(props.name) ? undefined : `name "${props.name}" must be 1-128 characters of letters, digits, spaces or + = , . @ -`,
    !Number.isInteger(min) || min < 6 || min > 99 ? `passwordPolicy.minimumLength ${min} must be 6..99` : undefined,
    !Number.isInteger(tmp) || tmp < 1 || tmp > 365 ? `passwordPolicy.temporaryPasswordValidityDays ${tmp} must be 1..365` : undefined,
    (props.advancedSecurity ?? "OFF") !== "OFF" && plan !== "PLUS" ? `advancedSecurity ${props.advancedSecurity} needs featurePlan "PLUS"` : undefined,
    props.preTokenGenerationVersion === "V2_0" && plan === "LITE" ? 'preTokenGenerationVersion V2_0 needs featurePlan "ESSENTIALS" or "PLUS"' : undefined,
    props.preTokenGenerationVersion && !props.triggers?.preTokenGeneration ? "preTokenGenerationVersion needs a preTokenGeneration trigger" : undefined,
    d?.type === "prefix" && !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(d.prefix)
      ? `domain prefix "${d.prefix}" must be lower-case letters, digits and hyphens`
      : undefined,
    d?.type === "prefix" && /aws|amazon|cognito/.test(d.prefix) ? `domain prefix "${d.prefix}" may not contain aws, amazon or cognito` : undefined,
    ...attributeErrors(props.customAttributes ?? {}),
    ...appClientErrors(props.appClient),
    ...Object.entries(props.resourceServers ?? {}).flatMap(([identifier, rs]) =>
      Object.keys(rs.scopes).length === 0 ? [`resource server "${identifier}" needs at least one scope`] : [],
    ),
  ].filter((e): e is string => e !== undefined);
}

/**
 * A Cognito user pool with its app client: password policy, TOTP MFA, attributes, Lambda triggers
 * (each with a permission scoped to this pool), Google / Sign in with Apple from Secrets Manager,
 * resource servers with custom scopes, a hosted-UI domain, deletion protection from a prop.
 */
export class UserPool extends Construct {
  readonly userPoolId: string;
  readonly userPoolArn: string;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`: the JWT issuer. */
  readonly issuerUrl: string;
  /** `cognito-idp.<region>.amazonaws.com/<poolId>` */
  readonly endpoint: string;
  readonly clientId: string;
  /** Hosted UI domain, when configured. */
  readonly domain?: string;
  /** For a custom domain: the CloudFront distribution to alias the domain to. */
  readonly domainCloudfrontDistribution?: string;
  /** Identity provider names enabled on the pool ("Google", "SignInWithApple"). */
  readonly identityProviderNames: readonly string[];
  private readonly providerNames: string[];
  private readonly clientDependencies: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: UserPoolProps) {
    super(scope, id);
    markLibrary(this, "cognito");
    const errors = validateUserPoolProps(props);
    if (errors.length > 0) throw new Error(`UserPool "${props.name}": ${errors.join("; ")}`);
    const pp = props.passwordPolicy ?? {};
    const mfa = props.mfa ?? "ON";
    const triggers = props.triggers ?? {};
    const email = props.email ?? { type: "COGNITO_DEFAULT" };

    const schema = schemaOf(props.standardAttributes ?? { email: { required: true } }, props.customAttributes ?? {});
    const lambdaConfig: CognitoUserPoolLambdaConfig = {};
    for (const [name, field] of Object.entries(TRIGGER_FIELDS) as [keyof typeof TRIGGER_FIELDS, keyof CognitoUserPoolLambdaConfig][]) {
      const fn = triggers[name];
      if (fn) (lambdaConfig as Record<string, unknown>)[field] = fn.functionArn;
    }
    const ptg = triggers.preTokenGeneration;
    if (ptg) {
      if ((props.preTokenGenerationVersion ?? "V1_0") === "V1_0") (lambdaConfig as Record<string, unknown>).preTokenGeneration = ptg.functionArn;
      else (lambdaConfig as Record<string, unknown>).preTokenGenerationConfig = { lambdaArn: ptg.functionArn, lambdaVersion: "V2_0" };
    }

    const pool = new AwsUserPool(this, "pool", {
      name: props.name,
      usernameAttributes: [...(props.signInWith ?? ["email"])],
      autoVerifiedAttributes: [...(props.signInWith ?? ["email"])],
      usernameConfiguration: (props.caseInsensitiveUsernames ?? true) ? { caseSensitive: false } : undefined,
      passwordPolicy: {
        minimumLength: pp.minimumLength ?? 8,
        requireUppercase: pp.requireUppercase ?? true,
        requireLowercase: pp.requireLowercase ?? true,
        requireNumbers: pp.requireNumbers ?? true,
        requireSymbols: pp.requireSymbols ?? true,
        temporaryPasswordValidityDays: pp.temporaryPasswordValidityDays ?? 7,
      },
      mfaConfiguration: mfa,
      softwareTokenMfaConfiguration: mfa === "OFF" ? undefined : { enabled: true },
      accountRecoverySetting: { recoveryMechanism: [{ name: "verified_email", priority: 1 }] },
      adminCreateUserConfig: { allowAdminCreateUserOnly: !(props.selfSignUp ?? true) },
      schema: schema.length > 0 ? schema : undefined,
      lambdaConfig: Object.keys(lambdaConfig).length > 0 ? lambdaConfig : undefined,
      userPoolTier: props.featurePlan ?? "ESSENTIALS",
      userPoolAddOns: (props.advancedSecurity ?? "OFF") !== "OFF" ? { advancedSecurityMode: props.advancedSecurity! } : undefined,
      deletionProtection: props.deletionProtection ? "ACTIVE" : "INACTIVE",
      emailConfiguration:
        email.type === "SES"
          ? {
              emailSendingAccount: "DEVELOPER",
              sourceArn: email.sourceArn,
              fromEmailAddress: email.fromEmailAddress,
              replyToEmailAddress: email.replyToEmailAddress,
              configurationSet: email.configurationSet,
            }
          : { emailSendingAccount: "COGNITO_DEFAULT" },
      tags: { ...(props.tags ?? {}), Name: props.name },
      lifecycle: props.deletionProtection ? { preventDestroy: true } : undefined,
    });
    this.userPoolId = pool.id;
    this.userPoolArn = pool.arn;
    this.endpoint = pool.endpoint;
    this.issuerUrl = `https://${pool.endpoint}`;

    for (const name of Object.keys(triggers) as TriggerName[]) {
      new LambdaPermission(this, `trigger-${name}-permission`, {
        statementId: permissionStatementId("AllowCognito", props.name, name),
        action: "lambda:InvokeFunction",
        functionName: triggers[name]!.functionName,
        principal: "cognito-idp.amazonaws.com",
        sourceArn: pool.arn,
      });
    }

    const idps = createIdentityProviders(this, pool.id, props.identityProviders ?? {});
    this.providerNames = [...idps.keys()];
    this.identityProviderNames = this.providerNames;
    const servers = Object.entries(props.resourceServers ?? {}).map(
      ([identifier, rs]) =>
        new CognitoResourceServer(this, `resource-server-${identifier.replace(/[^A-Za-z0-9]+/g, "-")}`, {
          userPoolId: pool.id,
          identifier,
          name: rs.name,
          scope: Object.entries(rs.scopes).map(([scopeName, scopeDescription]) => ({ scopeName, scopeDescription })),
        }),
    );
    this.clientDependencies = [...idps.values(), ...servers];

    const client = createAppClient(this, "client", pool.id, props.appClient, this.providerNames, this.clientDependencies);
    this.clientId = client.id;

    if (props.domain) {
      const d = props.domain;
      const domain = new CognitoUserPoolDomain(this, "domain", {
        userPoolId: pool.id,
        domain: d.type === "prefix" ? d.prefix : d.domainName,
        certificateArn: d.type === "custom" ? d.certificateArn : undefined,
      });
      this.domain = domain.domain;
      this.domainCloudfrontDistribution = domain.cloudfrontDistribution;
    }
  }

  /** Another app client on the same pool (e.g. the admin console); returns its client id. */
  addClient(id: string, props: AppClientProps): string {
    const errors = appClientErrors(props).filter((e): e is string => e !== undefined);
    if (errors.length > 0) throw new Error(`UserPool ${this.node.path}: ${errors.join("; ")}`);
    return createAppClient(this, `client-${id}`, this.userPoolId, props, this.providerNames, this.clientDependencies).id;
  }
}
