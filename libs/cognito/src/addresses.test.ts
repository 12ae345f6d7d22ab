import { describe, expect, it } from "vitest";
import { addresses, synthJson } from "@infra/testing-core/blocks";
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
});
