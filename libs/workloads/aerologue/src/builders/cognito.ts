import type { StackBuilder } from "@infra/core";
import { UserPool } from "@infra/cognito";
import type { CognitoInputs } from "../inputs/modules";
import { buildFunctions } from "./functions";
import { buildSecrets } from "./secrets";

export interface AuthOutputs {
  readonly userPool: UserPool;
}

/**
 * ARC-007 Cognito: the user pool (password policy, optional TOTP MFA, email verified, the
 * optional attributes), Apple and Google with their secrets read from Secrets Manager at plan
 * time, the three auth-triggers hooks, and the `aerologue-app` client (code + PKCE, implicit,
 * four scopes, 1 h / 1 h / 30 days).
 */
export const buildCognito: StackBuilder<CognitoInputs, AuthOutputs> = (stack, inputs, ctx) => {
  const secrets = ctx.dependencyOn("secrets", buildSecrets).secrets;
  const triggers = ctx.dependencyOn("functions", buildFunctions).functions["auth-triggers"]!;
  const idps = new Set(inputs.identityProviders);
  const userPool = new UserPool(stack, "users", {
    name: inputs.poolName,
    passwordPolicy: inputs.passwordPolicy,
    mfa: inputs.mfa,
    signInWith: ["email"],
    standardAttributes: { email: { required: true, mutable: true }, name: { required: false, mutable: true }, picture: { required: false, mutable: true } },
    customAttributes: Object.fromEntries(inputs.customAttributes.map((a) => [a, { type: "String" as const, mutable: true }])),
    triggers: { preSignUp: triggers, postConfirmation: triggers, preTokenGeneration: triggers },
    deletionProtection: inputs.deletionProtection,
    identityProviders: {
      ...(idps.has("SignInWithApple")
        ? { apple: { secretId: secrets["aerologue/oauth/apple"]!.secretArn, secretName: secrets["aerologue/oauth/apple"]!.name } }
        : {}),
      ...(idps.has("Google")
        ? { google: { secretId: secrets["aerologue/oauth/google"]!.secretArn, secretName: secrets["aerologue/oauth/google"]!.name } }
        : {}),
    },
    appClient: {
      name: inputs.clientName,
      oauthFlows: inputs.oauthFlows,
      scopes: inputs.scopes,
      callbackUrls: inputs.callbackUrls,
      logoutUrls: inputs.logoutUrls,
      supportedIdentityProviders: ["COGNITO", ...inputs.identityProviders],
      accessTokenValidityHours: inputs.tokenValidity.accessHours,
      idTokenValidityHours: inputs.tokenValidity.idHours,
      refreshTokenValidityDays: inputs.tokenValidity.refreshDays,
      generateSecret: false,
    },
    domain: { type: "prefix", prefix: inputs.domainPrefix },
  });
  return { userPool };
};
