/**
 * The family over real constructs and a real App: cross-stack references as cdktf wires them
 * (remote state + outputs), the stack validation and the App-level validation after every stack.
 */
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { ElasticacheReplicationGroup } from "@cdktf/provider-aws/lib/elasticache-replication-group";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, S3Backend, TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import type { PolicyReport } from "../report";
import { attachEnvPreflight, attachStackPreflight, type PreflightMode } from "./cdktf";
import type { DeclaredPrerequisite } from "./types";
import { synthError } from "../test-harness";

const TODAY = "2026-06-01";

function stack(app: App, name: string): TerraformStack {
  const s = new TerraformStack(app, name);
  new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
  new S3Backend(s, { bucket: "state", key: `${name}.tfstate`, region: "us-east-1", encrypt: true });
  return s;
}

/** A key stack and an app stack whose log group uses the key: the key policy has the account root only, or CloudWatch Logs too. */
function env(withLogs: boolean, mode: PreflightMode, window = "sun:05:00-sun:06:00") {
  const app = Testing.app();
  const kms = stack(app, "dev-us-east-1-security-kms");
  const doc = new DataAwsIamPolicyDocument(kms, "policy", {
    statement: [
      { sid: "Root", actions: ["kms:*"], resources: ["*"], principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111111111111:root"] }] },
      ...(withLogs
        ? [
            {
              sid: "Logs",
              actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
              resources: ["*"],
              principals: [{ type: "Service", identifiers: ["logs.us-east-1.amazonaws.com"] }],
              condition: [{ test: "ArnLike", variable: "kms:EncryptionContext:aws:logs:arn", values: ["arn:aws:logs:us-east-1:111111111111:log-group:*"] }],
            },
          ]
        : []),
    ],
  });
  const key = new KmsKey(kms, "key", { enableKeyRotation: true, policy: doc.json });
  const api = stack(app, "dev-us-east-1-api");
  api.addDependency(kms);
  new CloudwatchLogGroup(api, "logs", { name: "/aws/lambda/api", kmsKeyId: key.arn, retentionInDays: 30 });
  new ElasticacheReplicationGroup(api, "cache", { replicationGroupId: "api", description: "cache", maintenanceWindow: window, snapshotWindow: "03:00-04:00" });
  const reports: PolicyReport[] = [];
  const options = { waivers: () => [], today: TODAY, mode, onReport: (r: PolicyReport) => reports.push(r) };
  for (const s of [kms, api]) attachStackPreflight(s, options);
  attachEnvPreflight(
    app,
    () => [
      { stack: kms, dependsOn: [] },
      { stack: api, dependsOn: [kms.node.id] },
    ],
    options,
  );
  return { app, reports };
}

describe("preflight at synth", () => {
  it("passes a key whose policy lets CloudWatch Logs in, with the log group in another stack (followed through remote state)", () => {
    const { app, reports } = env(true, "enforce");
    expect(() => app.synth()).not.toThrow();
    const kmsResults = reports.find((r) => r.stack === "dev-us-east-1-security-kms")!.results;
    expect(kmsResults.filter((r) => r.rule === "PRE-KMS-001").map((r) => r.status)).toEqual(["passed"]);
  });

  it("fails synth after every stack (App-level validation) when the key policy leaves CloudWatch Logs out", () => {
    const message = synthError(env(false, "enforce").app);
    expect(message).toMatch(/^App-level validation failed/);
    expect(message).toContain("PRE-KMS-001: Every service that uses a KMS key is allowed by that key's policy");
    expect(message).toContain("resource: dev-us-east-1-security-kms/aws_kms_key.key");
    expect(message).toContain("nothing allows CloudWatch Logs (logs.us-east-1.amazonaws.com)");
    expect(message).toContain("(used by dev-us-east-1-api/aws_cloudwatch_log_group.logs.kms_key_id)");
    expect(message).toContain("when applied: CreateLogGroup fails: AccessDeniedException");
  });

  it("fails the stack's own synth on a stack-scope rule (a weekly window without its second day)", () => {
    const message = synthError(env(true, "enforce", "sun:05:00-06:00").app);
    expect(message).toMatch(/^Validation failed/);
    expect(message).toContain("PRE-WIN-001");
    expect(message).toContain("maintenance_window: found sun:05:00-06:00, expected ddd:hh24:mi-ddd:hh24:mi");
  });

  it("in report mode synthesizes and reports every finding once per stack", () => {
    const { app, reports } = env(false, "report", "sun:05:00-06:00");
    expect(() => app.synth()).not.toThrow();
    expect(reports.map((r) => r.stack)).toEqual(["dev-us-east-1-security-kms", "dev-us-east-1-api"]);
    expect(reports.flatMap((r) => r.results.filter((x) => x.status === "failed").map((x) => x.rule)).sort()).toEqual(["PRE-KMS-001", "PRE-WIN-001"]);
  });

  it("reads facts given as a function when the rules run: prerequisites declared while constructs are built count", () => {
    const run = (declare: boolean) => {
      const app = Testing.app();
      const s = stack(app, "dev-us-east-1-auth");
      const secrets: DeclaredPrerequisite[] = [];
      attachEnvPreflight(app, () => [{ stack: s, dependsOn: [] }], {
        waivers: () => [],
        today: TODAY,
        mode: "enforce",
        facts: () => ({ prerequisites: { secrets } }),
      });
      // Declared after the preflight was attached, as a construct built later would (libs/core requirePrerequisite).
      new DataAwsSecretsmanagerSecretVersion(s, "idp", { secretId: "app/oauth/google" });
      if (declare) secrets.push({ name: "app/oauth/google", account: "111111111111", declaredBy: "dev-us-east-1-auth/idp" });
      return app;
    };
    expect(() => run(true).synth()).not.toThrow();
    expect(synthError(run(false))).toContain("PRE-SECRET-001");
  });
});
