import { describe, expect, it } from "vitest";
import { ACCOUNT, EnvFixture, preflightFailures, preflightStatuses } from "../test-harness";
import { secretReads as rule } from "./secret-reads";

describe("PRE-SECRET-001 plan-time secret reads", () => {
  it("Compliance: a version from an earlier stack, an RDS-managed secret, a declared prerequisite and AWS public parameters pass", () => {
    const e = new EnvFixture({
      secrets: {
        resource: {
          aws_secretsmanager_secret: { token: { name: "app/token" }, idp: { name: "app/idp" } },
          aws_secretsmanager_secret_version: { token: { secret_id: "${aws_secretsmanager_secret.token.id}", secret_string: "generated" } },
          aws_db_instance: { db: { manage_master_user_password: true } },
        },
      },
      app: {},
    });
    const token = e.ref("secrets", "app", "aws_secretsmanager_secret.token.arn");
    const idp = e.ref("secrets", "app", "aws_secretsmanager_secret.idp.arn");
    const master = e.ref("secrets", "app", "aws_db_instance.db.master_user_secret[0].secret_arn");
    e.add("app", {
      data: {
        aws_secretsmanager_secret_version: { token: { secret_id: token }, idp: { secret_id: idp }, master: { secret_id: master } },
        aws_ssm_parameter: { ami: { name: "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id" } },
      },
    });
    expect(preflightStatuses(rule, e, { prerequisites: { secrets: [{ name: "app/idp", declaredBy: "environments/dev/env.ts" }] } })).toEqual({
      "app/data.aws_secretsmanager_secret_version.token": "passed",
      "app/data.aws_secretsmanager_secret_version.idp": "passed",
      "app/data.aws_secretsmanager_secret_version.master": "passed",
      "app/data.aws_ssm_parameter.ami": "passed",
    });
  });

  it("Noncompliance: a secret without a value, an external secret, a same-stack race and an unknown parameter fail", () => {
    const e = new EnvFixture({ secrets: { resource: { aws_secretsmanager_secret: { idp: { name: "app/idp" } } } }, app: {} });
    const idp = e.ref("secrets", "app", "aws_secretsmanager_secret.idp.arn");
    e.add("app", {
      resource: {
        aws_ssm_parameter: { agent: { name: "agent-config", type: "String", value: "{}" } },
      },
      data: {
        aws_secretsmanager_secret_version: { idp: { secret_id: idp }, github: { secret_id: "github/token" } },
        aws_ssm_parameter: { agent: { name: "agent-config" }, other: { name: "/team/other" } },
      },
    });
    expect(preflightFailures(rule, e).map((f) => [f.address, f.found])).toEqual([
      [
        "app/data.aws_secretsmanager_secret_version.idp",
        "app/idp (secrets/aws_secretsmanager_secret.idp is created without a value (no aws_secretsmanager_secret_version in any stack))",
      ],
      ["app/data.aws_secretsmanager_secret_version.github", "github/token (no stack of the env creates this secret)"],
      ["app/data.aws_ssm_parameter.agent", "value created in this stack by aws_ssm_parameter.agent, which the read does not reference"],
      ["app/data.aws_ssm_parameter.other", "/team/other (no stack of the env creates this parameter)"],
    ]);
  });

  it("Compliance: a value the reading construct declared a secret-value prerequisite of its account passes, by name or by ARN", () => {
    // The secrets stack creates the container; a person puts the value (Cognito and Amplify take no secret ARN).
    const e = new EnvFixture({ secrets: { resource: { aws_secretsmanager_secret: { idp: { name: "aerologue/oauth/google" } } } }, app: {} });
    const idp = e.ref("secrets", "app", "aws_secretsmanager_secret.idp.arn");
    e.add("app", {
      data: {
        aws_secretsmanager_secret_version: {
          idp: { secret_id: idp },
          token: { secret_id: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:github/token-AbC123` },
        },
      },
    });
    const secrets = [
      { name: "aerologue/oauth/google", account: ACCOUNT, declaredBy: "app/users/google-secret" },
      { name: "github/token", account: ACCOUNT, declaredBy: "app/web" },
    ];
    expect(preflightStatuses(rule, e, { prerequisites: { secrets } })).toEqual({
      "app/data.aws_secretsmanager_secret_version.idp": "passed",
      "app/data.aws_secretsmanager_secret_version.token": "passed",
    });
  });

  it("Noncompliance: a secret-value prerequisite declared in another account, or for another secret, does not count", () => {
    const e = new EnvFixture({ secrets: { resource: { aws_secretsmanager_secret: { idp: { name: "aerologue/oauth/google" } } } }, app: {} });
    e.add("app", { data: { aws_secretsmanager_secret_version: { idp: { secret_id: e.ref("secrets", "app", "aws_secretsmanager_secret.idp.arn") } } } });
    const secrets = [
      { name: "aerologue/oauth/google", account: "999999999999", declaredBy: "other account" },
      { name: "aerologue/oauth/apple", account: ACCOUNT, declaredBy: "app/users/apple-secret" },
    ];
    expect(preflightFailures(rule, e, { prerequisites: { secrets } }).map((f) => [f.address, f.found])).toEqual([
      [
        "app/data.aws_secretsmanager_secret_version.idp",
        "aerologue/oauth/google (secrets/aws_secretsmanager_secret.idp is created without a value (no aws_secretsmanager_secret_version in any stack))",
      ],
    ]);
  });
});
