import { describe, expect, it } from "vitest";
import { type Json, only, synthJson } from "@infra/testing-core/blocks";
import { IdentityPool, type IdentityPoolProps, validateIdentityPoolProps } from "./identity-pool";

const PROVIDER = "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123";
// Seed 003 "COG → IAM": each signed-in user reaches only their own prefix of the user data bucket.
const ownPrefix = "arn:aws:s3:::milequest-user-data/users/" + "$${cognito-identity.amazonaws.com:sub}/*";
const milequest: IdentityPoolProps = {
  name: "prod_milequest",
  providers: [
    { providerName: PROVIDER, clientId: "web" },
    { providerName: PROVIDER, clientId: "admin" },
  ],
  authenticatedRole: {
    name: "prod-milequest-authenticated",
    policyName: "own-user-data",
    statements: [{ sid: "OwnUserData", actions: ["s3:GetObject", "s3:PutObject"], resources: [ownPrefix] }],
  },
  tags: { Name: "prod-milequest" },
};

describe("IdentityPool", () => {
  it("allows signed-in users only, through the enhanced flow, with server-side token checks", () => {
    const { resource } = synthJson((s) => new IdentityPool(s, "identity", milequest));
    expect(only(resource.aws_cognito_identity_pool, "pool")).toMatchObject({
      identity_pool_name: "prod_milequest",
      allow_unauthenticated_identities: false,
      allow_classic_flow: false,
      cognito_identity_providers: [
        { client_id: "web", provider_name: PROVIDER, server_side_token_check: true },
        { client_id: "admin", provider_name: PROVIDER, server_side_token_check: true },
      ],
      tags: { Name: "prod-milequest" },
    });
  });

  it("trusts this pool's authenticated identities only, and attaches the role as the authenticated one", () => {
    const { resource, data } = synthJson((s) => new IdentityPool(s, "identity", milequest));
    const docs = data.aws_iam_policy_document as Json;
    const assume = Object.entries(docs).find(([k]) => k.includes("authenticated-assume"))![1] as Json;
    expect(assume.statement).toEqual([
      {
        effect: "Allow",
        actions: ["sts:AssumeRoleWithWebIdentity"],
        principals: [{ type: "Federated", identifiers: ["cognito-identity.amazonaws.com"] }],
        condition: [
          {
            test: "StringEquals",
            variable: "cognito-identity.amazonaws.com:aud",
            values: [expect.stringMatching(/^\$\{aws_cognito_identity_pool\.identity_pool_[A-Z0-9]+\.id\}$/)],
          },
          { test: "ForAnyValue:StringLike", variable: "cognito-identity.amazonaws.com:amr", values: ["authenticated"] },
        ],
      },
    ]);
    const permissions = Object.entries(docs).find(([k]) => k.includes("authenticated-permissions"))![1] as Json;
    expect(permissions.statement).toEqual([{ sid: "OwnUserData", effect: "Allow", actions: ["s3:GetObject", "s3:PutObject"], resources: [ownPrefix] }]);
    expect(only(resource.aws_iam_role, "role").name).toBe("prod-milequest-authenticated");
    expect(only(resource.aws_iam_role_policy, "policy").name).toBe("own-user-data");
    expect(only(resource.aws_cognito_identity_pool_roles_attachment, "roles").roles).toEqual({
      authenticated: expect.stringMatching(/^\$\{aws_iam_role\.identity_authenticated-role_[A-Z0-9]+\.arn\}$/),
    });
  });

  it("names the policy 'authenticated' and tags the pool with its name by default; honours serverSideTokenCheck: false", () => {
    const { resource } = synthJson(
      (s) =>
        new IdentityPool(s, "identity", {
          ...milequest,
          providers: [{ providerName: PROVIDER, clientId: "web", serverSideTokenCheck: false }],
          authenticatedRole: { ...milequest.authenticatedRole, policyName: undefined },
          tags: undefined,
        }),
    );
    expect(only(resource.aws_iam_role_policy, "policy").name).toBe("authenticated");
    expect(only(resource.aws_cognito_identity_pool, "pool")).toMatchObject({
      tags: { Name: "prod_milequest" },
      cognito_identity_providers: [{ client_id: "web", server_side_token_check: false }],
    });
  });

  it("rejects bad props with every reason, repeating the value", () => {
    expect(
      validateIdentityPoolProps({
        name: "prod-milequest",
        providers: [{ providerName: "accounts.google.com", clientId: "c" }],
        authenticatedRole: {
          name: "role with spaces",
          policyName: "p/q",
          statements: [
            { sid: "Own-Data", actions: ["s3:GetObject"], resources: ["*"] },
            { sid: "Own-Data", actions: ["s3:PutObject"], resources: [ownPrefix] },
          ],
        },
      }),
    ).toEqual([
      'name "prod-milequest" must be 1-128 letters, digits, spaces or "_"',
      'providers: providerName "accounts.google.com" must be cognito-idp.<region>.amazonaws.com/<user pool id>',
      'authenticatedRole.name "role with spaces" must be 1-64 letters, digits or + = , . @ - _',
      'authenticatedRole.policyName "p/q" must be 1-128 letters, digits or + = , . @ - _',
      'authenticatedRole.statements: sid "Own-Data" must be letters and digits only',
      'authenticatedRole.statements "Own-Data": resources "*" would reach every user\'s data; name the resources',
      'authenticatedRole.statements: sid "Own-Data" must be letters and digits only',
      'authenticatedRole.statements: sid "Own-Data" is used twice',
    ]);
    expect(() =>
      synthJson((s) => new IdentityPool(s, "identity", { ...milequest, providers: [], authenticatedRole: { ...milequest.authenticatedRole, statements: [] } })),
    ).toThrow(
      'IdentityPool "prod_milequest": providers: at least one user pool client is required (unauthenticated identities are never allowed); authenticatedRole.statements: at least one statement is required',
    );
  });
});
