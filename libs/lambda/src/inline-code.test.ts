import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack } from "cdktf";
import { afterEach, describe, expect, it } from "vitest";
import { InlineCodeAsset, deterministicZip } from "./inline-code";
import { LambdaFunction } from "./function";

const FILES = { "index.mjs": "export const handler = async () => 'ok';\n", "lib/sql.mjs": "export const x = 1;\n" };
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "inline-code-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("deterministicZip", () => {
  it("gives the same bytes for the same files, whatever the key order", () => {
    const a = deterministicZip(FILES);
    const b = deterministicZip({ "lib/sql.mjs": FILES["lib/sql.mjs"], "index.mjs": FILES["index.mjs"] });
    expect(a.equals(b)).toBe(true);
    expect(deterministicZip({ ...FILES, "index.mjs": "changed" }).equals(a)).toBe(false);
  });

  it("is a valid zip that unzip extracts with the original contents", () => {
    const dir = tmp();
    writeFileSync(join(dir, "code.zip"), deterministicZip(FILES));
    execFileSync("unzip", ["-q", "code.zip", "-d", "out"], { cwd: dir });
    expect(readFileSync(join(dir, "out/index.mjs"), "utf8")).toBe(FILES["index.mjs"]);
    expect(readFileSync(join(dir, "out/lib/sql.mjs"), "utf8")).toBe(FILES["lib/sql.mjs"]);
    // Integrity (CRC) check of every entry.
    expect(execFileSync("unzip", ["-t", "code.zip"], { cwd: dir, encoding: "utf8" })).toContain("No errors detected");
  });

  it("refuses an empty archive and names that escape the archive", () => {
    expect(() => deterministicZip({})).toThrow(/no files/);
    expect(() => deterministicZip({ "../x.mjs": "" })).toThrow(/"..\/x.mjs" must be a relative path/);
    expect(() => deterministicZip({ "/abs.mjs": "" })).toThrow(/must be a relative path/);
  });
});

describe("InlineCodeAsset", () => {
  it("writes the zip next to cdk.tf.json at synth and gives the function a relative filename and Lambda's hash", () => {
    const outdir = tmp();
    const app = new App({ outdir });
    const stack = new TerraformStack(app, "ops");
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    const asset = new InlineCodeAsset(stack, "db-code", { files: FILES });
    new LambdaFunction(stack, "fn", {
      name: "x-db-statements",
      runtime: "nodejs24.x",
      handler: "index.handler",
      code: asset.code,
      sourceCodeHash: asset.sourceCodeHash,
      kmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/abc",
      logging: { retentionDays: 30 },
    });
    app.synth();
    const stackDir = join(outdir, "stacks", "ops");
    const json = JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8")) as {
      resource: { aws_lambda_function: Record<string, Record<string, unknown>> };
    };
    const fn = Object.values(json.resource.aws_lambda_function)[0]!;
    expect(fn).toMatchObject({ package_type: "Zip", filename: asset.code.filename, source_code_hash: asset.sourceCodeHash });
    expect(fn).not.toHaveProperty("s3_bucket");
    expect(asset.code.filename).toMatch(/^assets\/db-code\/[0-9a-f]{16}\/code\.zip$/);
    const written = readFileSync(join(stackDir, asset.code.filename));
    expect(written.equals(deterministicZip(FILES))).toBe(true);
    expect(createHash("sha256").update(written).digest("base64")).toBe(asset.sourceCodeHash);
  });

  it("removes an earlier synth's zip of other content", () => {
    const outdir = tmp();
    const synth = (content: string) => {
      const app = new App({ outdir });
      const asset = new InlineCodeAsset(new TerraformStack(app, "ops"), "db-code", { files: { "index.mjs": content } });
      app.synth();
      return asset.code.filename;
    };
    const first = synth("a");
    const second = synth("b");
    expect(second).not.toBe(first);
    expect(existsSync(join(outdir, "stacks/ops", first))).toBe(false);
    expect(readdirSync(join(outdir, "stacks/ops/assets/db-code"))).toHaveLength(1);
  });
});
