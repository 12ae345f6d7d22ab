import { CognitoIdentityProvider } from "@cdktf/provider-aws/lib/cognito-identity-provider";
import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version";
import { requirePrerequisite } from "@infra/core";
import { Fn, Token } from "cdktf";
import type { Construct } from "constructs";

/**
 * Google sign-in. The OAuth client id and secret live in a Secrets Manager secret (JSON) that
 * must exist, with a value, before `terraform plan`: Cognito takes the client secret itself (no
 * ARN), so it is read at plan time and never appears in code. That makes the value a declared
 * fresh-account prerequisite (`infra preflight` lists and checks it). Terraform state does hold it
 * (provider_details), so the state bucket's encryption and access policy protect it.
 */
export interface GoogleIdentityProvider {
  /** ARN or name of the secret, e.g. "aerologue/oauth/google". */
  readonly secretId: string;
  /** The secret's name when `secretId` is a token (a cross-stack ARN): it names the prerequisite. @default secretId */
  readonly secretName?: string;
  /** @default "client_id" */
  readonly clientIdKey?: string;
  /** @default "client_secret" */
  readonly clientSecretKey?: string;
  /** @default ["openid", "email", "profile"] */
  readonly scopes?: readonly string[];
  /** User pool attribute → Google claim. @default { email: "email", email_verified: "email_verified", name: "name", picture: "picture", username: "sub" } */
  readonly attributeMapping?: Readonly<Record<string, string>>;
}

/** Sign in with Apple, from a secret holding client_id (Services ID), team_id, key_id and private_key (the .p8 text). */
export interface AppleIdentityProvider {
  /** ARN or name of the secret, e.g. "aerologue/oauth/apple". */
  readonly secretId: string;
  /** The secret's name when `secretId` is a token (a cross-stack ARN): it names the prerequisite. @default secretId */
  readonly secretName?: string;
  /** Secret keys. @default { clientId: "client_id", teamId: "team_id", keyId: "key_id", privateKey: "private_key" } */
  readonly keys?: { readonly clientId?: string; readonly teamId?: string; readonly keyId?: string; readonly privateKey?: string };
  /** @default ["email", "name"] */
  readonly scopes?: readonly string[];
  /** @default { email: "email", name: "name", username: "sub" } */
  readonly attributeMapping?: Readonly<Record<string, string>>;
}

export interface IdentityProviders {
  readonly google?: GoogleIdentityProvider;
  readonly apple?: AppleIdentityProvider;
}

/** Read a JSON secret at plan time: its value is a prerequisite of this stack's plan. */
function secretJson(scope: Construct, id: string, source: { secretId: string; secretName?: string }, keys: readonly string[], provider: string) {
  const name = source.secretName ?? source.secretId;
  if (Token.isUnresolved(name)) {
    throw new Error(
      `${scope.node.path}: the ${provider} secret is read at plan time, so its value is a prerequisite named by the secret: pass secretName (the secretId is a token)`,
    );
  }
  requirePrerequisite(scope, {
    requirement: { kind: "secret-value", secret: name, format: `JSON {${keys.map((k) => `"${k}"`).join(",")}}` },
    neededAt: "plan",
    reason: `Cognito's ${provider} identity provider takes the credentials themselves (provider_details), read from the secret at plan time`,
  });
  const version = new DataAwsSecretsmanagerSecretVersion(scope, id, { secretId: source.secretId });
  const json = Fn.jsondecode(version.secretString);
  // No default: a missing key fails the plan instead of configuring an empty credential.
  return (key: string): string => Fn.lookup(json, key) as string;
}

/**
 * A social identity provider whose credentials are read from a JSON secret at plan time.
 * `details` maps each credential provider detail (client_id, ...) to its key in the secret.
 */
function secretBackedProvider(
  scope: Construct,
  id: string,
  userPoolId: string,
  p: {
    readonly providerName: "Google" | "SignInWithApple";
    readonly label: string;
    readonly source: { secretId: string; secretName?: string };
    readonly details: Readonly<Record<string, string>>;
    readonly scopes: readonly string[];
    readonly attributeMapping: Readonly<Record<string, string>>;
  },
): CognitoIdentityProvider {
  const read = secretJson(scope, `${id}-secret`, p.source, Object.values(p.details), p.label);
  return new CognitoIdentityProvider(scope, id, {
    userPoolId,
    providerName: p.providerName,
    providerType: p.providerName,
    providerDetails: {
      ...Object.fromEntries(Object.entries(p.details).map(([detail, key]) => [detail, read(key)])),
      authorize_scopes: p.scopes.join(" "),
    },
    attributeMapping: { ...p.attributeMapping },
  });
}

/** Creates the configured providers; returns them by Cognito provider name ("Google", "SignInWithApple"). */
export function createIdentityProviders(scope: Construct, userPoolId: string, idps: IdentityProviders): Map<string, CognitoIdentityProvider> {
  const created = new Map<string, CognitoIdentityProvider>();
  if (idps.google) {
    const g = idps.google;
    created.set(
      "Google",
      secretBackedProvider(scope, "google", userPoolId, {
        providerName: "Google",
        label: "Google",
        source: g,
        details: { client_id: g.clientIdKey ?? "client_id", client_secret: g.clientSecretKey ?? "client_secret" },
        scopes: g.scopes ?? ["openid", "email", "profile"],
        attributeMapping: g.attributeMapping ?? { email: "email", email_verified: "email_verified", name: "name", picture: "picture", username: "sub" },
      }),
    );
  }
  if (idps.apple) {
    const a = idps.apple;
    const k = a.keys ?? {};
    created.set(
      "SignInWithApple",
      secretBackedProvider(scope, "apple", userPoolId, {
        providerName: "SignInWithApple",
        label: "Sign in with Apple",
        source: a,
        details: {
          client_id: k.clientId ?? "client_id",
          team_id: k.teamId ?? "team_id",
          key_id: k.keyId ?? "key_id",
          private_key: k.privateKey ?? "private_key",
        },
        scopes: a.scopes ?? ["email", "name"],
        attributeMapping: a.attributeMapping ?? { email: "email", name: "name", username: "sub" },
      }),
    );
  }
  return created;
}
