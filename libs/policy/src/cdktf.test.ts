import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Backend, TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { attachPolicyPack } from "./cdktf";
import type { PolicyReport } from "./report";
import { s3Versioning } from "./rules/s3-versioning";
import type { Waiver } from "./waivers";
import { synthError } from "./test-harness";

const TODAY = "2026-06-01";

function bucketStack(versioning: "Enabled" | "Suspended", tags: Record<string, string> = {}) {
  const app = Testing.app();
  const stack = new TerraformStack(app, "dev-us-east-1-data-assets");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  const bucket = new S3Bucket(stack, "assets", { bucket: "assets", tags });
  new S3BucketVersioningA(stack, "assets-versioning", { bucket: bucket.id, versioningConfiguration: { status: versioning } });
  return { app, stack };
}

describe("attachPolicyPack", () => {
  it("fails app.synth() with rule ids, address, attribute, found vs expected and a waiver to paste", () => {
    const { app, stack } = bucketStack("Suspended");
    attachPolicyPack(stack, { waivers: [], today: TODAY, rules: [s3Versioning] });
    const message = synthError(app);
    expect(message).toContain(
      [
        "INF-S3-004 (CKV_AWS_21): S3 bucket versioning is Enabled",
        "  resource: dev-us-east-1-data-assets/aws_s3_bucket.assets (construct dev-us-east-1-data-assets/assets)",
        "  aws_s3_bucket_versioning.assets-versioning.versioning_configuration.status: found Suspended, expected Enabled",
        "  to waive it, add to this environment's waivers (config) with a written reason:",
        '    { rule: "INF-S3-004", address: "dev-us-east-1-data-assets/aws_s3_bucket.assets", reason: "<why this is acceptable here>" }',
      ].join("\n"),
    );
  });

  it("lets synth pass when a waiver covers the violation, and reports it as waived", () => {
    const { app, stack } = bucketStack("Suspended");
    const reports: PolicyReport[] = [];
    const waiver: Waiver = { rule: "INF-S3-004", address: "dev-*/aws_s3_bucket.assets", reason: "scratch bucket", level: "environments/dev/env.ts" };
    attachPolicyPack(stack, { waivers: [waiver], today: TODAY, rules: [s3Versioning], onReport: (r) => reports.push(r) });
    expect(() => app.synth()).not.toThrow();
    expect(reports.map((r) => r.results.map((c) => [c.address, c.status, c.waiver?.reason]))).toEqual([[["aws_s3_bucket.assets", "waived", "scratch bucket"]]]);
  });

  it("passes a compliant stack without waivers", () => {
    const { app, stack } = bucketStack("Enabled");
    attachPolicyPack(stack, { waivers: [], today: TODAY, rules: [s3Versioning] });
    expect(() => app.synth()).not.toThrow();
  });

  it("ignores an expired waiver and says so in the message", () => {
    const { app, stack } = bucketStack("Suspended");
    const waiver: Waiver = {
      rule: "INF-S3-004",
      address: "aws_s3_bucket.assets",
      reason: "until migration",
      expires: "2026-05-31",
      level: "environments/dev/env.ts",
    };
    attachPolicyPack(stack, { waivers: [waiver], today: TODAY, rules: [s3Versioning] });
    expect(synthError(app)).toContain("note: waiver INF-S3-004 on aws_s3_bucket.assets (environments/dev/env.ts) expired on 2026-05-31");
  });

  it("never waives the Terraform state bucket", () => {
    const { app, stack } = bucketStack("Suspended", { InfraRole: "terraform-state" });
    const waiver: Waiver = { rule: "INF-S3-004", address: "*", reason: "nope" };
    attachPolicyPack(stack, { waivers: [waiver], today: TODAY, rules: [s3Versioning] });
    expect(synthError(app)).toContain(
      "note: waiver INF-S3-004 on * rejected: the Terraform state bucket and lock table (tag InfraRole = terraform-state) can never be waived",
    );
  });

  it("fails synth on a waiver without a reason", () => {
    const { app, stack } = bucketStack("Enabled");
    attachPolicyPack(stack, { waivers: [{ rule: "INF-S3-004", address: "*", reason: "" }], today: TODAY, rules: [s3Versioning] });
    expect(synthError(app)).toContain("invalid waiver INF-S3-004 on *: reason is empty: every waiver needs a written reason");
  });

  it("in report mode, turns violations into warnings and synthesizes", () => {
    const { app, stack } = bucketStack("Suspended");
    const reports: PolicyReport[] = [];
    attachPolicyPack(stack, { waivers: [], today: TODAY, rules: [s3Versioning], mode: "report", onReport: (r) => reports.push(r) });
    expect(() => app.synth()).not.toThrow();
    expect(reports[0]!.results.map((r) => r.status)).toEqual(["failed"]);
  });

  it("works with backends and cross-stack references (toTerraform after prepareStack)", () => {
    const app = Testing.app();
    const data = new TerraformStack(app, "prod-data");
    new AwsProvider(data, "aws", { region: "us-east-1" });
    new S3Backend(data, { bucket: "state", key: "prod/data.tfstate", region: "us-east-1", dynamodbTable: "locks", encrypt: true });
    const bucket = new S3Bucket(data, "assets", { bucket: "assets" });
    new S3BucketVersioningA(data, "assets-versioning", { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
    const consumer = new TerraformStack(app, "prod-app");
    new AwsProvider(consumer, "aws", { region: "us-east-1" });
    new S3Backend(consumer, { bucket: "state", key: "prod/app.tfstate", region: "us-east-1", dynamodbTable: "locks", encrypt: true });
    // Versioning declared in another stack: the bucket's own stack cannot see it, so it fails there.
    const other = new S3Bucket(data, "other", { bucket: "other" });
    new S3BucketVersioningA(consumer, "other-versioning", { bucket: other.id, versioningConfiguration: { status: "Enabled" } });
    const reports: PolicyReport[] = [];
    for (const stack of [data, consumer])
      attachPolicyPack(stack, { waivers: [], today: TODAY, rules: [s3Versioning], mode: "report", onReport: (r) => reports.push(r) });
    app.synth();
    expect(reports.map((r) => [r.stack, r.results.map((c) => `${c.address} ${c.status}`)])).toEqual([
      ["prod-data", ["aws_s3_bucket.assets passed", "aws_s3_bucket.other failed"]],
      ["prod-app", []],
    ]);
  });
});
