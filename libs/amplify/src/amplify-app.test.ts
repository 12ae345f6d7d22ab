import { AmplifyApp as AwsAmplifyApp } from "@cdktf/provider-aws/lib/amplify-app";
import { AmplifyDomainAssociation } from "@cdktf/provider-aws/lib/amplify-domain-association";
import { declaredPrerequisites } from "@infra/core";
import { TerraformStack, Testing, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import { entries, first, scopeSynthWith } from "@infra/testing-core/blocks";
import { AmplifyApp, type AmplifyAppProps } from "./amplify-app";
import { NEXTJS_SSR_BUILD_SPEC } from "./build-spec";

const TOKEN = "arn:aws:secretsmanager:us-east-1:1:secret:github-token";
const SEED_003: AmplifyAppProps = {
  name: "prod-mile-quest-web",
  repository: "https://github.com/example/mile-quest",
  accessToken: { secretArn: TOKEN },
  environmentVariables: { NEXT_PUBLIC_API_URL: "https://api.mile-quest.com" },
  branches: [
    { branchName: "main", stage: "PRODUCTION", subDomainPrefix: "", enablePullRequestPreview: true },
    { branchName: "staging", stage: "BETA", subDomainPrefix: "staging", environmentVariables: { NEXT_PUBLIC_API_URL: "https://api.staging.mile-quest.com" } },
  ],
  customDomain: { domainName: "mile-quest.com" },
};
const synth = scopeSynthWith(AmplifyApp, "web", SEED_003);

describe("AmplifyApp", () => {
  it("the Git token is read at plan time: its secret's value is a prerequisite of this stack's plan", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "web");
    new AmplifyApp(stack, "web", { ...SEED_003, accessToken: { secretArn: Token.asString({ arn: "cross-stack" }), secretName: "mq/github/amplify-token" } });
    expect(declaredPrerequisites(app).map((p) => ({ requirement: p.requirement, neededBy: p.neededBy }))).toEqual([
      {
        requirement: { kind: "secret-value", secret: "mq/github/amplify-token", format: "the Git provider token" },
        neededBy: [{ stack: "web", neededAt: "plan" }],
      },
    ]);
    expect(
      () => new AmplifyApp(new TerraformStack(Testing.app(), "x"), "web", { ...SEED_003, accessToken: { secretArn: Token.asString({ arn: "t" }) } }),
    ).toThrow("accessToken.secretName is required when secretArn is a token");
  });

  it("hosts a Next.js SSR app with the token read from Secrets Manager, never from code", () => {
    const { json, tf } = synth();
    const [secretName, secret] = first(tf.data, "aws_secretsmanager_secret_version");
    expect(secret.secret_id).toBe(TOKEN);
    const [roleName] = first(tf.resource, "aws_iam_role");
    expect(json).toHaveResourceWithProperties(AwsAmplifyApp, {
      name: "prod-mile-quest-web",
      repository: "https://github.com/example/mile-quest",
      access_token: `\${data.aws_secretsmanager_secret_version.${secretName}.secret_string}`,
      platform: "WEB_COMPUTE",
      build_spec: NEXTJS_SSR_BUILD_SPEC,
      environment_variables: { NEXT_PUBLIC_API_URL: "https://api.mile-quest.com" },
      iam_service_role_arn: `\${aws_iam_role.${roleName}.arn}`,
      enable_branch_auto_deletion: true,
    });
  });

  it("reads one key of a JSON secret", () => {
    const { tf } = synth({ accessToken: { secretArn: TOKEN, jsonKey: "token" } });
    const [secretName] = first(tf.data, "aws_secretsmanager_secret_version");
    expect(first(tf.resource, "aws_amplify_app")[1].access_token).toBe(
      `\${jsondecode(data.aws_secretsmanager_secret_version.${secretName}.secret_string).token}`,
    );
  });

  it("creates typed branches with PR previews where asked", () => {
    const { tf } = synth();
    const [appName] = first(tf.resource, "aws_amplify_app");
    const branches = Object.fromEntries(entries(tf.resource, "aws_amplify_branch").map(([, b]) => [b.branch_name, b]));
    expect(branches.main).toMatchObject({
      app_id: `\${aws_amplify_app.${appName}.id}`,
      stage: "PRODUCTION",
      framework: "Next.js - SSR",
      enable_auto_build: true,
      enable_pull_request_preview: true,
    });
    expect(branches.staging).toMatchObject({
      stage: "BETA",
      enable_pull_request_preview: false,
      environment_variables: { NEXT_PUBLIC_API_URL: "https://api.staging.mile-quest.com" },
    });
  });

  it("associates the custom domain with a sub-domain per branch", () => {
    const { json, tf } = synth();
    const [appName] = first(tf.resource, "aws_amplify_app");
    const branchRefs = Object.fromEntries(
      entries(tf.resource, "aws_amplify_branch").map(([k, b]) => [b.branch_name, `\${aws_amplify_branch.${k}.branch_name}`]),
    );
    expect(json).toHaveResourceWithProperties(AmplifyDomainAssociation, {
      app_id: `\${aws_amplify_app.${appName}.id}`,
      domain_name: "mile-quest.com",
      enable_auto_sub_domain: false,
      wait_for_verification: false,
      sub_domain: [
        { branch_name: branchRefs.main, prefix: "" },
        { branch_name: branchRefs.staging, prefix: "staging" },
      ],
    });
  });

  it("limits the service role to the app's SSR log groups", () => {
    const { tf } = synth();
    const [, assume] = entries(tf.data, "aws_iam_policy_document").find(([k]) => k.startsWith("web_assume"))!;
    expect(assume.statement[0].principals).toEqual([{ type: "Service", identifiers: ["amplify.amazonaws.com"] }]);
    const [docName, logs] = entries(tf.data, "aws_iam_policy_document").find(([k]) => k.startsWith("web_logs-doc"))!;
    const region = first(tf.data, "aws_region")[0];
    const account = first(tf.data, "aws_caller_identity")[0];
    expect(logs.statement[0].resources).toEqual([
      `arn:aws:logs:\${data.aws_region.${region}.region}:\${data.aws_caller_identity.${account}.account_id}:log-group:/aws/amplify/*`,
    ]);
    expect(first(tf.resource, "aws_iam_role_policy")[1].policy).toBe(`\${data.aws_iam_policy_document.${docName}.json}`);
  });

  it("has no domain association without a custom domain", () => {
    const { tf } = synth({ customDomain: undefined, branches: [{ branchName: "main", stage: "PRODUCTION" }] });
    expect(tf.resource.aws_amplify_domain_association).toBeUndefined();
  });

  const beta = (branchName: string, subDomainPrefix?: string) => ({
    branchName,
    stage: "BETA" as const,
    ...(subDomainPrefix !== undefined ? { subDomainPrefix } : {}),
  });
  const production = (branchName: string, subDomainPrefix?: string) => ({ ...beta(branchName, subDomainPrefix), stage: "PRODUCTION" as const });
  it.each<[string, Partial<AmplifyAppProps>, string]>([
    [
      "a sub-domain without a custom domain",
      { customDomain: undefined },
      'AmplifyApp prod-mile-quest-web branch "main": has subDomainPrefix but the app has no customDomain',
    ],
    ["one sub-domain for two branches", { branches: [beta("a", "x"), beta("b", "x")] }, 'sub-domain "x" is served by another branch'],
    ["a branch listed twice", { branches: [production("main"), beta("main")] }, 'branch "main": listed twice'],
    ["two PRODUCTION branches", { branches: [production("a"), production("b")] }, "at most one PRODUCTION branch"],
    ["a custom domain no branch serves", { branches: [production("main")] }, "customDomain needs at least one branch with subDomainPrefix"],
    ["a sub-domain that is no DNS label", { branches: [production("main", "Bad_Label")] }, "is not a DNS label"],
    ["a repository that is no https:// URL", { repository: "git@github.com:x/y.git" }, "must be an https:// URL"],
  ])("rejects %s", (_, props, message) => {
    expect(() => synth(props)).toThrow(message);
  });
});
