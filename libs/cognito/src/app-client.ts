import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client";
import type { ITerraformDependable } from "cdktf";
import type { Construct } from "constructs";

export interface AppClientProps {
  /** e.g. "aerologue-app". */
  readonly name: string;
  /**
   * OAuth flows. "code" is the authorization code flow; public clients (no secret) must use PKCE,
   * which Cognito enforces per request when a code_challenge is sent. @default ["code"]
   */
  readonly oauthFlows?: readonly ("code" | "implicit" | "client_credentials")[];
  /** @default ["openid", "email", "profile"] */
  readonly scopes?: readonly string[];
  readonly callbackUrls: readonly string[];
  /** @default [] */
  readonly logoutUrls?: readonly string[];
  /** @default none */
  readonly defaultRedirectUri?: string;
  /** @default ["COGNITO"] plus every configured identity provider */
  readonly supportedIdentityProviders?: readonly string[];
  /** Access token lifetime, 1..24 hours. @default 1 (or accessTokenValidityMinutes) */
  readonly accessTokenValidityHours?: number;
  /** Access token lifetime in minutes, 5..1440, instead of accessTokenValidityHours. @default none (hours) */
  readonly accessTokenValidityMinutes?: number;
  /** ID token lifetime, 1..24 hours. @default 1 (or idTokenValidityMinutes) */
  readonly idTokenValidityHours?: number;
  /** ID token lifetime in minutes, 5..1440, instead of idTokenValidityHours. @default none (hours) */
  readonly idTokenValidityMinutes?: number;
  /** Refresh token lifetime, 1..3650 days. @default 30 */
  readonly refreshTokenValidityDays?: number;
  /** A secret only for confidential (server-side) clients; mobile and browser apps must not have one. @default false */
  readonly generateSecret?: boolean;
  /** @default ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"] */
  readonly explicitAuthFlows?: readonly string[];
  /** @default all readable */
  readonly readAttributes?: readonly string[];
  /** @default all writable */
  readonly writeAttributes?: readonly string[];
}

export function appClientErrors(c: AppClientProps): (string | undefined)[] {
  const flows = c.oauthFlows ?? ["code"];
  const hours = (n: number | undefined, label: string) =>
    n !== undefined && (!Number.isInteger(n) || n < 1 || n > 24) ? `appClient "${c.name}": ${label} ${n} must be 1..24 hours` : undefined;
  const minutes = (n: number | undefined, label: string) =>
    n !== undefined && (!Number.isInteger(n) || n < 5 || n > 1440) ? `appClient "${c.name}": ${label} ${n} must be 5..1440 minutes` : undefined;
  const both = (h: number | undefined, m: number | undefined, token: string) =>
    h !== undefined && m !== undefined ? `appClient "${c.name}": set ${token}ValidityHours (${h}) or ${token}ValidityMinutes (${m}), not both` : undefined;
  const r = c.refreshTokenValidityDays;
  return [
    hours(c.accessTokenValidityHours, "accessTokenValidityHours"),
    hours(c.idTokenValidityHours, "idTokenValidityHours"),
    minutes(c.accessTokenValidityMinutes, "accessTokenValidityMinutes"),
    minutes(c.idTokenValidityMinutes, "idTokenValidityMinutes"),
    both(c.accessTokenValidityHours, c.accessTokenValidityMinutes, "accessToken"),
    both(c.idTokenValidityHours, c.idTokenValidityMinutes, "idToken"),
    r !== undefined && (!Number.isInteger(r) || r < 1 || r > 3650) ? `appClient "${c.name}": refreshTokenValidityDays ${r} must be 1..3650` : undefined,
    flows.includes("client_credentials") && flows.length > 1 ? `appClient "${c.name}": client_credentials cannot be combined with code or implicit` : undefined,
    flows.includes("client_credentials") && !c.generateSecret ? `appClient "${c.name}": client_credentials needs generateSecret: true` : undefined,
    (flows.includes("code") || flows.includes("implicit")) && c.callbackUrls.length === 0
      ? `appClient "${c.name}": code/implicit flows need callbackUrls`
      : undefined,
    ...c.callbackUrls.map((u) =>
      /^http:\/\/(?!localhost([:/]|$))/.test(u) || !/^[a-z][a-z0-9+.-]*:\/\//.test(u)
        ? `appClient "${c.name}": callback URL "${u}" must be https (http only for localhost) or an app scheme`
        : undefined,
    ),
  ];
}

export function createAppClient(
  scope: Construct,
  id: string,
  userPoolId: string,
  c: AppClientProps,
  providers: readonly string[],
  dependsOn: ITerraformDependable[],
): CognitoUserPoolClient {
  const flows = c.oauthFlows ?? ["code"];
  return new CognitoUserPoolClient(scope, id, {
    name: c.name,
    userPoolId,
    generateSecret: c.generateSecret ?? false,
    allowedOauthFlowsUserPoolClient: true,
    allowedOauthFlows: [...flows],
    allowedOauthScopes: [...(c.scopes ?? ["openid", "email", "profile"])],
    callbackUrls: [...c.callbackUrls],
    logoutUrls: [...(c.logoutUrls ?? [])],
    defaultRedirectUri: c.defaultRedirectUri,
    supportedIdentityProviders: [...(c.supportedIdentityProviders ?? ["COGNITO", ...providers])],
    accessTokenValidity: c.accessTokenValidityMinutes ?? c.accessTokenValidityHours ?? 1,
    idTokenValidity: c.idTokenValidityMinutes ?? c.idTokenValidityHours ?? 1,
    refreshTokenValidity: c.refreshTokenValidityDays ?? 30,
    tokenValidityUnits: [
      {
        accessToken: c.accessTokenValidityMinutes !== undefined ? "minutes" : "hours",
        idToken: c.idTokenValidityMinutes !== undefined ? "minutes" : "hours",
        refreshToken: "days",
      },
    ],
    explicitAuthFlows: [...(c.explicitAuthFlows ?? ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"])],
    preventUserExistenceErrors: "ENABLED",
    enableTokenRevocation: true,
    readAttributes: c.readAttributes ? [...c.readAttributes] : undefined,
    writeAttributes: c.writeAttributes ? [...c.writeAttributes] : undefined,
    // Identity providers and resource-server scopes must exist before a client names them.
    dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
  });
}
