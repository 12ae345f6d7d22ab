import { declaredPrerequisites } from "@infra/core";
import { Testing, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { GeneratedToken, Secret } from "./index";
import { synthStack } from "@infra/testing-core/stack";

type WithEphemeral = { ephemeral?: Record<string, Record<string, Record<string, unknown>>> };

describe("GeneratedToken: a shared secret nobody types and this stack's state never holds", () => {
  const build = (stack: TerraformStack, version?: number) => {
    const secret = new Secret(stack, "token-secret", { name: "app/redis-auth-token", kmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/k" });
    return new GeneratedToken(stack, "token", { secret, valueFormat: "Redis AUTH token", ...(version ? { version } : {}) });
  };

  it("generates 64 letters and digits ephemerally and writes them write-only as the whole secret string", () => {
    const json = synthStack((s) => void build(s, 2)) as ReturnType<typeof synthStack> & WithEphemeral;
    const [randomName, random] = Object.entries(json.ephemeral!["aws_secretsmanager_random_password"]!)[0]!;
    expect(random).toEqual({ password_length: 64, exclude_punctuation: true, require_each_included_type: true });
    expect(Object.values(json.resource["aws_secretsmanager_secret_version"]!)).toEqual([
      {
        secret_id: expect.stringMatching(/^\$\{aws_secretsmanager_secret\..+\.arn\}$/),
        secret_string_wo: `\${ephemeral.aws_secretsmanager_random_password.${randomName}.random_password}`,
        secret_string_wo_version: 2,
      },
    ]);
    expect(JSON.stringify(json)).not.toContain('"secret_string"');
  });

  it("provides the secret's value: no fresh-account prerequisite remains", () => {
    const app = Testing.app();
    build(new TerraformStack(app, "secrets"));
    expect(declaredPrerequisites(app)).toEqual([]);
  });

  it("refuses a generation below 1 and a length Redis AUTH refuses", () => {
    const stack = new TerraformStack(Testing.app(), "x");
    const secret = { secretArn: "arn:s", name: "n" };
    expect(() => new GeneratedToken(stack, "a", { secret, version: 0 })).toThrow("version 0 must be a whole number >= 1");
    expect(() => new GeneratedToken(stack, "b", { secret, length: 8 })).toThrow("length 8 must be a whole number from 16 to 128");
  });
});
