import { describe, expect, it } from "vitest";
import { addresses, synthJson } from "@infra/testing-core/blocks";
import { IdentityPool } from "./identity-pool";
import { UserPool } from "./user-pool";

describe("Terraform addresses", () => {
  it("stay stable for a pool with a trigger, Google, a domain and a resource server", () => {
    const json = synthJson(
      (s) =>
        new UserPool(s, "users", {
          name: "users",
          deletionProtection: true,
          triggers: { preSignUp: { functionName: "f", functionArn: "arn:aws:lambda:us-east-1:111111111111:function:f", invokeArn: "x" } },
          identityProviders: { google: { secretId: "oauth/google" } },
          appClient: { name: "app", callbackUrls: ["https://example.com/cb"] },
          domain: { type: "prefix", prefix: "example-users" },
          resourceServers: { "https://api.example.com": { name: "API", scopes: { read: "Read" } } },
        }),
    );
    expect(addresses(json)).toMatchSnapshot();
  });

  it("stay stable for an identity pool with its authenticated role", () => {
    const json = synthJson(
      (s) =>
        new IdentityPool(s, "identity", {
          name: "identity",
          providers: [{ providerName: "cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc", clientId: "c" }],
          authenticatedRole: { name: "authenticated", statements: [{ sid: "Own", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/x"] }] },
        }),
    );
    expect(addresses(json)).toMatchSnapshot();
  });
});
