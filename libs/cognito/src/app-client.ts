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
  /** Access token lifetime, 1..24 hours. @default 1 */
  readonly accessTokenValidityHours?: number;
  /** ID token lifetime, 1..24 hours. @default 1 */
  readonly idTokenValidityHours?: number;
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
  const r = c.refreshTokenValidityDays;
  return [
    hours(c.accessTokenValidityHours, "accessTokenValidityHours"),
    hours(c.idTokenValidityHours, "idTokenValidityHours"),
    r !== undefined && (!Number.isInteger(r) || r < 1 || r > 3650) ? `appClient "${c.name}": refreshTokenValidityDays ${r} must be 1..3650` : undefined,
    flows.includes("client_credentials") && flows.length > 1 ? `appClient "${c.name}": client_credentials cannot be combined with code or implicit` : undefined,
    flows.includes("client_credentials") && !c.generateSecret ? `appClient "${c.name}": client_credentials needs generateSecret: true` : undefined,
    (flows.includes("code") || flows.includes("implicit")) && c.callbackUrls.length === 0 ? `appClient "${c.name}": code/implicit flows need callbackUrls` : undefined,
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
    accessTokenValidity: c.accessTokenValidityHours ?? 1,
    idTokenValidity: c.idTokenValidityHours ?? 1,
    refreshTokenValidity: c.refreshTokenValidityDays ?? 30,
    tokenValidityUnits: [{ accessToken: "hours", idToken: "hours", refreshToken: "days" }],
    explicitAuthFlows: [...(c.explicitAuthFlows ?? ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"])],
    preventUserExistenceErrors: "ENABLED",
    enableTokenRevocation: true,
    readAttributes: c.readAttributes ? [...c.readAttributes] : undefined,
    writeAttributes: c.writeAttributes ? [...c.writeAttributes] : undefined,
    // Identity providers and resource-server scopes must exist before a client names them.
    dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
  });
}
