import { TerraformOutput } from "cdktf";
import { describe, expect, it } from "vitest";
import { type Json, only, synthJson, synthWith } from "@infra/testing-core/blocks";
import { UserPool, type UserPoolProps, validateUserPoolProps } from "./user-pool";

const triggers = {
  functionName: "aerologue-prod-auth-triggers",
  functionArn: "arn:aws:lambda:us-east-1:111111111111:function:aerologue-prod-auth-triggers",
  invokeArn: "x",
};

// Seed 000 ARC-007.
const aerologue: UserPoolProps = {
  name: "aerologue-prod-users",
  passwordPolicy: { minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: false },
  mfa: "OPTIONAL",
  standardAttributes: { email: { required: true } },
  customAttributes: { nationality: { type: "String", maxLength: 64 }, "custom:language": { type: "String" } },
  triggers: { preSignUp: triggers, postConfirmation: triggers, preTokenGeneration: triggers },
  identityProviders: { google: { secretId: "aerologue/oauth/google" }, apple: { secretId: "aerologue/oauth/apple" } },
  appClient: {
    name: "aerologue-app",
    oauthFlows: ["code", "implicit"],
    scopes: ["openid", "email", "profile", "aws.cognito.signin.user.admin"],
    callbackUrls: ["https://aerologue.app/auth/callback", "aerologue://auth", "http://localhost:3000/callback"],
    logoutUrls: ["https://aerologue.app/"],
    accessTokenValidityHours: 1,
    idTokenValidityHours: 1,
    refreshTokenValidityDays: 30,
  },
  domain: { type: "prefix", prefix: "aerologue-prod" },
  resourceServers: { "https://api.aerologue.app": { name: "Aerologue API", scopes: { "flights.read": "Read flights" } } },
  deletionProtection: true,
};
const userPool = synthWith(UserPool, "users", aerologue);

describe("UserPool", () => {
  it("synthesizes seed 000's password policy, optional TOTP, attributes and deletion protection", () => {
    const { resource } = userPool();
    const pool = only(resource.aws_cognito_user_pool, "pool");
    expect(pool).toMatchObject({
      name: "aerologue-prod-users",
      username_attributes: ["email"],
      auto_verified_attributes: ["email"],
      password_policy: {
        minimum_length: 8,
        require_uppercase: true,
        require_lowercase: true,
        require_numbers: true,
        require_symbols: false,
        temporary_password_validity_days: 7,
      },
      mfa_configuration: "OPTIONAL",
      software_token_mfa_configuration: { enabled: true },
      deletion_protection: "ACTIVE",
      lifecycle: { prevent_destroy: true },
      user_pool_tier: "ESSENTIALS",
      email_configuration: { email_sending_account: "COGNITO_DEFAULT" },
      account_recovery_setting: { recovery_mechanism: [{ name: "verified_email", priority: 1 }] },
    });
    expect(pool.user_pool_add_ons).toBeUndefined();
    expect((pool.schema as Json[]).map((a) => [a.name, a.attribute_data_type, a.required, a.mutable, a.string_attribute_constraints])).toEqual([
      ["email", "String", true, true, { min_length: "0", max_length: "2048" }],
      ["nationality", "String", false, true, { min_length: "0", max_length: "64" }],
      ["language", "String", false, true, { min_length: "0", max_length: "2048" }],
    ]);
  });

  it("wires the three triggers with one permission each, scoped to the pool", () => {
    const { resource } = userPool();
    const pool = only(resource.aws_cognito_user_pool, "pool");
    expect(pool.lambda_config).toEqual({
      pre_sign_up: triggers.functionArn,
      post_confirmation: triggers.functionArn,
      pre_token_generation: triggers.functionArn,
    });
    const perms = Object.values(resource.aws_lambda_permission as Json) as Json[];
    expect(perms.map((p) => p.statement_id).sort()).toEqual([
      "AllowCognito-aerologue-prod-users-postConfirmation",
      "AllowCognito-aerologue-prod-users-preSignUp",
      "AllowCognito-aerologue-prod-users-preTokenGeneration",
    ]);
    for (const p of perms) {
      expect(p).toMatchObject({
        principal: "cognito-idp.amazonaws.com",
        function_name: triggers.functionName,
        source_arn: expect.stringMatching(/^\$\{aws_cognito_user_pool\.users_pool_[A-Z0-9]+\.arn\}$/),
      });
    }
  });

  it("reads Google and Apple credentials from Secrets Manager, never from code", () => {
    const { resource, data } = userPool();
    const secrets = Object.entries(data.aws_secretsmanager_secret_version as Json);
    expect(secrets.map(([, v]) => (v as Json).secret_id).sort()).toEqual(["aerologue/oauth/apple", "aerologue/oauth/google"]);
    const googleSecret = secrets.find(([, v]) => (v as Json).secret_id === "aerologue/oauth/google")![0];
    const idps = Object.values(resource.aws_cognito_identity_provider as Json) as Json[];
    const google = idps.find((p) => p.provider_type === "Google")!;
    expect(google).toMatchObject({ provider_name: "Google", attribute_mapping: { email: "email", username: "sub" } });
    expect(google.provider_details).toEqual({
      client_id: `\${jsondecode(data.aws_secretsmanager_secret_version.${googleSecret}.secret_string).client_id}`,
      client_secret: `\${jsondecode(data.aws_secretsmanager_secret_version.${googleSecret}.secret_string).client_secret}`,
      authorize_scopes: "openid email profile",
    });
    const apple = idps.find((p) => p.provider_type === "SignInWithApple")!;
    expect(Object.keys(apple.provider_details).sort()).toEqual(["authorize_scopes", "client_id", "key_id", "private_key", "team_id"]);
    expect(apple.provider_details.private_key).toMatch(
      /^\$\{jsondecode\(data\.aws_secretsmanager_secret_version\.users_apple-secret_[A-Z0-9]+\.secret_string\)\.private_key\}$/,
    );
  });

  it("creates a public PKCE app client with seed 000's flows, scopes and token lifetimes", () => {
    const { resource } = userPool();
    const client = only(resource.aws_cognito_user_pool_client, "client");
    expect(client).toMatchObject({
      name: "aerologue-app",
      generate_secret: false,
      allowed_oauth_flows_user_pool_client: true,
      allowed_oauth_flows: ["code", "implicit"],
      allowed_oauth_scopes: ["openid", "email", "profile", "aws.cognito.signin.user.admin"],
      callback_urls: ["https://aerologue.app/auth/callback", "aerologue://auth", "http://localhost:3000/callback"],
      logout_urls: ["https://aerologue.app/"],
      supported_identity_providers: ["COGNITO", "Google", "SignInWithApple"],
      access_token_validity: 1,
      id_token_validity: 1,
      refresh_token_validity: 30,
      token_validity_units: [{ access_token: "hours", id_token: "hours", refresh_token: "days" }],
      prevent_user_existence_errors: "ENABLED",
      enable_token_revocation: true,
    });
    expect(client.depends_on).toHaveLength(3);
    expect(only(resource.aws_cognito_user_pool_domain, "domain").domain).toBe("aerologue-prod");
    expect(only(resource.aws_cognito_resource_server, "rs")).toMatchObject({
      identifier: "https://api.aerologue.app",
      scope: [{ scope_name: "flights.read", scope_description: "Read flights" }],
    });
  });

  it("exposes the issuer URL from the pool endpoint", () => {
    const { output } = synthJson((s) => {
      const pool = new UserPool(s, "users", aerologue);
      new TerraformOutput(s, "issuer", { value: pool.issuerUrl });
      new TerraformOutput(s, "client", { value: pool.clientId });
    });
    expect(output.issuer.value).toMatch(/^https:\/\/\$\{aws_cognito_user_pool\.users_pool_[A-Z0-9]+\.endpoint\}$/);
    expect(output.client.value).toMatch(/^\$\{aws_cognito_user_pool_client\.users_client_[A-Z0-9]+\.id\}$/);
  });

  it("supports V2 token generation, SES email, PLUS with advanced security, and inactive deletion protection", () => {
    const { resource } = userPool({
      identityProviders: {},
      preTokenGenerationVersion: "V2_0",
      featurePlan: "PLUS",
      advancedSecurity: "ENFORCED",
      mfa: "ON",
      deletionProtection: false,
      email: { type: "SES", sourceArn: "arn:aws:ses:us-east-1:111111111111:identity/aerologue.app", fromEmailAddress: "no-reply@aerologue.app" },
    });
    const pool = only(resource.aws_cognito_user_pool, "pool");
    expect(pool.lambda_config.pre_token_generation_config).toEqual({ lambda_arn: triggers.functionArn, lambda_version: "V2_0" });
    expect(pool.lambda_config.pre_token_generation).toBeUndefined();
    expect(pool).toMatchObject({
      user_pool_tier: "PLUS",
      user_pool_add_ons: { advanced_security_mode: "ENFORCED" },
      mfa_configuration: "ON",
      deletion_protection: "INACTIVE",
      email_configuration: {
        email_sending_account: "DEVELOPER",
        source_arn: "arn:aws:ses:us-east-1:111111111111:identity/aerologue.app",
        from_email_address: "no-reply@aerologue.app",
      },
    });
    expect(pool.lifecycle).toBeUndefined();
    expect(only(resource.aws_cognito_user_pool_client, "client").supported_identity_providers).toEqual(["COGNITO"]);
  });

  it("rejects bad props with every reason", () => {
    expect(
      validateUserPoolProps({
        ...aerologue,
        passwordPolicy: { minimumLength: 4 },
        advancedSecurity: "AUDIT",
        customAttributes: { "way-too-long-attribute-name": { type: "Number", maxLength: 3 } },
        domain: { type: "prefix", prefix: "my-cognito" },
        appClient: { name: "c", oauthFlows: ["client_credentials", "code"], callbackUrls: ["http://example.com/cb"], accessTokenValidityHours: 48 },
      }),
    ).toEqual([
      "passwordPolicy.minimumLength 4 must be 6..99",
      'advancedSecurity AUDIT needs featurePlan "PLUS"',
      'domain prefix "my-cognito" may not contain aws, amazon or cognito',
      'custom attribute "way-too-long-attribute-name" must be 1-20 letters, digits or "_"',
      'custom attribute "way-too-long-attribute-name": lengths are for String attributes',
      'appClient "c": accessTokenValidityHours 48 must be 1..24 hours',
      'appClient "c": client_credentials cannot be combined with code or implicit',
      'appClient "c": client_credentials needs generateSecret: true',
      'appClient "c": callback URL "http://example.com/cb" must be https (http only for localhost) or an app scheme',
    ]);
  });

  it("describes a pool created without a schema or username configuration (both fixed at creation)", () => {
    const { resource } = userPool({ identityProviders: {}, triggers: {}, standardAttributes: {}, customAttributes: {}, caseInsensitiveUsernames: false });
    const pool = only(resource.aws_cognito_user_pool, "pool");
    expect(pool.schema).toBeUndefined();
    expect(pool.username_configuration).toBeUndefined();
    const defaults = only(userPool().resource.aws_cognito_user_pool, "pool");
    expect(defaults.username_configuration).toEqual({ case_sensitive: false });
  });

  it("sets access and ID token lifetimes in minutes when asked, each with its own unit", () => {
    const { resource } = synthJson((s) => {
      const pool = new UserPool(s, "users", {
        ...aerologue,
        appClient: {
          ...aerologue.appClient,
          accessTokenValidityHours: undefined,
          idTokenValidityHours: undefined,
          accessTokenValidityMinutes: 60,
          idTokenValidityMinutes: 60,
        },
      });
      pool.addClient("admin", { name: "admin", callbackUrls: ["https://admin.aerologue.app/cb"], accessTokenValidityMinutes: 15 });
    });
    const clients = Object.values(resource.aws_cognito_user_pool_client as Json) as Json[];
    expect(clients.map((c) => [c.name, c.access_token_validity, c.id_token_validity, c.token_validity_units]).sort()).toEqual([
      ["admin", 15, 1, [{ access_token: "minutes", id_token: "hours", refresh_token: "days" }]],
      ["aerologue-app", 60, 60, [{ access_token: "minutes", id_token: "minutes", refresh_token: "days" }]],
    ]);
  });

  it("rejects token lifetimes in minutes out of range, or given both in hours and minutes", () => {
    expect(
      validateUserPoolProps({
        ...aerologue,
        appClient: { name: "c", callbackUrls: ["https://x.app/cb"], accessTokenValidityMinutes: 2, idTokenValidityHours: 1, idTokenValidityMinutes: 1441 },
      }),
    ).toEqual([
      'appClient "c": accessTokenValidityMinutes 2 must be 5..1440 minutes',
      'appClient "c": idTokenValidityMinutes 1441 must be 5..1440 minutes',
      'appClient "c": set idTokenValidityHours (1) or idTokenValidityMinutes (1441), not both',
    ]);
  });
});
