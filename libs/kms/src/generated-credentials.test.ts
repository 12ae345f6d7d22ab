import { declaredPrerequisites } from "@infra/core";
import { Testing, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { GeneratedCredentials, Secret } from "./index";
import { synthStack } from "@infra/testing-core/stack";

type WithEphemeral = { ephemeral?: Record<string, Record<string, Record<string, unknown>>> };

describe("Secret: a container whose value is a fresh-account prerequisite", () => {
  it("declares its value as a prerequisite created by its stack, in the format it names", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "secrets");
    new Secret(stack, "google", {
      name: "app/oauth/google",
      kmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/k",
      valueFormat: 'JSON {"client_id","client_secret"}',
    });
    expect(declaredPrerequisites(app)).toMatchObject([
      { requirement: { kind: "secret-value", secret: "app/oauth/google", format: 'JSON {"client_id","client_secret"}' }, neededBy: [], after: ["secrets"] },
    ]);
  });
});

describe("GeneratedCredentials: a database password nobody types and no plan or state holds", () => {
  const build = (stack: TerraformStack, version?: number) => {
    const secret = new Secret(stack, "db-secret", { name: "app/db", kmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/k" });
    const creds = new GeneratedCredentials(stack, "creds", {
      secret,
      engine: "postgres",
      username: "admin",
      port: 5432,
      dbname: "app",
      ...(version ? { version } : {}),
    });
    creds.withHost("db.example.internal");
    return creds;
  };

  it("generates the password ephemerally, stores it write-only, and reads the stored version back for the database", () => {
    let creds: GeneratedCredentials | undefined;
    const json = synthStack((s) => {
      creds = build(s);
    }) as ReturnType<typeof synthStack> & WithEphemeral;
    const random = Object.entries(json.ephemeral!["aws_secretsmanager_random_password"]!);
    expect(random).toHaveLength(1);
    expect(random[0]![1]).toEqual({ password_length: 32, exclude_punctuation: true, require_each_included_type: true });
    const [storedName, stored] = Object.entries(json.ephemeral!["aws_secretsmanager_secret_version"]!)[0]!;
    const versions = json.resource["aws_secretsmanager_secret_version"]!;
    const initialName = Object.keys(versions).find((k) => k.includes("_initial_"))!;
    expect(stored).toEqual({
      secret_id: expect.stringMatching(/^\$\{aws_secretsmanager_secret\..+\.arn\}$/),
      version_id: `\${aws_secretsmanager_secret_version.${initialName}.version_id}`,
    });
    expect(versions[initialName]).toEqual({
      secret_id: stored["secret_id"],
      secret_string_wo: `\${jsonencode({"engine" = "postgres", "username" = "admin", "password" = ephemeral.aws_secretsmanager_random_password.${random[0]![0]}.random_password, "port" = 5432, "dbname" = "app"})}`,
      secret_string_wo_version: 1,
    });
    // No plain secret_string anywhere: nothing lands in plan or state.
    expect(JSON.stringify(json)).not.toContain('"secret_string"');
    expect(creds!.version).toBe(1);
    expect(creds!.password).toContain("TfToken");
    expect(storedName).toContain("stored");
  });

  it("the connection version carries the host AWS's rotation function connects to, and the same generation", () => {
    const json = synthStack((s) => build(s, 3)) as ReturnType<typeof synthStack> & WithEphemeral;
    const versions = json.resource["aws_secretsmanager_secret_version"]!;
    const connection = Object.entries(versions).find(([k]) => k.includes("_connection_"))![1];
    const storedName = Object.keys(json.ephemeral!["aws_secretsmanager_secret_version"]!)[0];
    expect(connection.secret_string_wo).toBe(
      `\${jsonencode(merge(jsondecode(ephemeral.aws_secretsmanager_secret_version.${storedName}.secret_string), {"host" = "db.example.internal"}))}`,
    );
    expect(Object.values(versions).map((v) => v.secret_string_wo_version)).toEqual([3, 3]);
  });

  it("provides the secret's value: a generated secret is no fresh-account prerequisite", () => {
    const app = Testing.app();
    build(new TerraformStack(app, "data"));
    expect(declaredPrerequisites(app)).toEqual([]);
  });

  it("refuses a generation below 1 and a password too short for RDS", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "x");
    const secret = { secretArn: "arn:s", name: "n" };
    expect(() => new GeneratedCredentials(stack, "a", { secret, engine: "postgres", username: "u", port: 5432, version: 0 })).toThrow(
      "version 0 must be a whole number >= 1",
    );
    expect(() => new GeneratedCredentials(stack, "b", { secret, engine: "postgres", username: "u", port: 5432, passwordLength: 8 })).toThrow(
      "passwordLength 8",
    );
  });
});
