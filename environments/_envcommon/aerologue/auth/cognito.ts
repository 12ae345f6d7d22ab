import { cognitoInputs } from "@infra/aerologue-inputs";
import { prefix } from "../names";
import { functions } from "../compute/functions";
import { secrets } from "../security/secrets";
import { aerologueModule } from "../workload";

/** ARC-007 Cognito: aerologue-users and the aerologue-app client. */
export const cognito = aerologueModule("auth/cognito", {
  schema: cognitoInputs,
  dependencies: {
    secrets,
    functions,
  },
  defaults: (ctx) => ({
    poolName: `${prefix(ctx)}-users`,
    clientName: `${prefix(ctx)}-app`,
    domainPrefix: `${prefix(ctx)}-${ctx.env.accountId}`,
    // "Minimum 8, upper + lower + number, no special character (UX)".
    passwordPolicy: { minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: false },
    mfa: "OPTIONAL" as const,
    customAttributes: ["nationality", "language"],
    scopes: ["openid", "email", "profile", "aws.cognito.signin.user.admin"],
    oauthFlows: ["code" as const, "implicit" as const],
    tokenValidity: { accessHours: 1, idHours: 1, refreshDays: 30 },
    callbackUrls: [...ctx.workload.callbackUrls],
    logoutUrls: [...ctx.workload.logoutUrls],
    identityProviders: ["SignInWithApple" as const, "Google" as const],
    deletionProtection: ctx.settings.deletionProtection,
  }),
});
