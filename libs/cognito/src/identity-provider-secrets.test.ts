import { declaredPrerequisites } from "@infra/core";
import { TerraformStack, Testing, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import { createIdentityProviders } from "./identity-providers";

describe("identity provider credentials: a plan-time read is a declared prerequisite", () => {
  it("Google and Apple secrets are needed at plan by the stack that reads them, with the JSON keys they must hold", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "auth");
    createIdentityProviders(stack, "pool-id", {
      google: { secretId: Token.asString({ arn: "cross-stack" }), secretName: "app/oauth/google" },
      apple: { secretId: "app/oauth/apple", keys: { privateKey: "p8" } },
    });
    expect(declaredPrerequisites(app).map((p) => ({ requirement: p.requirement, neededBy: p.neededBy }))).toEqual([
      {
        requirement: { kind: "secret-value", secret: "app/oauth/apple", format: 'JSON {"client_id","team_id","key_id","p8"}' },
        neededBy: [{ stack: "auth", neededAt: "plan" }],
      },
      {
        requirement: { kind: "secret-value", secret: "app/oauth/google", format: 'JSON {"client_id","client_secret"}' },
        neededBy: [{ stack: "auth", neededAt: "plan" }],
      },
    ]);
  });

  it("refuses a token secret id without the secret's name (the prerequisite could not be named)", () => {
    const stack = new TerraformStack(Testing.app(), "auth");
    expect(() => createIdentityProviders(stack, "pool-id", { google: { secretId: Token.asString({ arn: "cross-stack" }) } })).toThrow(
      "auth: the Google secret is read at plan time, so its value is a prerequisite named by the secret: pass secretName",
    );
  });
});
