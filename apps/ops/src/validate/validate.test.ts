import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { toolchainLayout } from "../toolchain/layout";
import { describe, expect, it } from "vitest";
import { validateCommands } from "./commands";
import { addressAtLine, formatDiagnostics, parseValidateJson } from "./diagnostics";
import { parseValidateArgs } from "./main";
import { mapPool } from "./pool";
import { validateAll } from "./run";
import { discoverStacks, scheduleOrder, type StackRef } from "./stacks";

/** A cdk.tf.json as cdktf writes it (JSON.stringify with a 2-space indent). */
const CONFIG = JSON.stringify(
  {
    "//": { metadata: { stackName: "s" } },
    data: { aws_iam_policy_document: { doc: { statement: [{ actions: ["s3:GetObject"], resources: ["*"] }] } } },
    provider: { aws: [{ region: "us-east-1" }] },
    resource: {
      aws_s3_bucket: { logs: { bucket: "b", tags: { Name: "logs" } } },
      aws_sqs_queue: { q: { name: "q" } },
    },
    output: { arn: { value: "${aws_s3_bucket.logs.arn}" } },
    terraform: { required_providers: { aws: { source: "aws", version: "6.25.0" } } },
  },
  null,
  2,
);
const lineOf = (needle: string) => CONFIG.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("tofu validate -json output", () => {
  it("maps a line of cdk.tf.json to the Terraform address of the block around it", () => {
    expect(addressAtLine(CONFIG, lineOf('"bucket": "b"'))).toBe("aws_s3_bucket.logs");
    expect(addressAtLine(CONFIG, lineOf('"Name": "logs"'))).toBe("aws_s3_bucket.logs");
    expect(addressAtLine(CONFIG, lineOf('"name": "q"'))).toBe("aws_sqs_queue.q");
    expect(addressAtLine(CONFIG, lineOf('"s3:GetObject"'))).toBe("data.aws_iam_policy_document.doc");
    expect(addressAtLine(CONFIG, lineOf('"value"'))).toBe("output.arn");
    expect(addressAtLine(CONFIG, lineOf('"region"'))).toBe("provider.aws");
    expect(addressAtLine(CONFIG, 1)).toBeUndefined();
  });

  it("parses errors and warnings, with the address from the diagnostic's range", () => {
    const stdout = JSON.stringify({
      format_version: "1.0",
      valid: false,
      error_count: 1,
      warning_count: 1,
      diagnostics: [
        {
          severity: "error",
          summary: "Unsupported argument",
          detail: 'An argument named "bucket_name" is not expected here.',
          range: { filename: "cdk.tf.json", start: { line: lineOf('"bucket": "b"'), column: 9, byte: 0 }, end: { line: 1, column: 1, byte: 0 } },
        },
        { severity: "warning", summary: "Deprecated", detail: "", address: "aws_sqs_queue.q" },
      ],
    });
    const out = parseValidateJson(stdout, CONFIG);
    expect(out).toMatchObject({ valid: false, errorCount: 1, warningCount: 1 });
    expect(out.diagnostics[0]).toEqual({
      severity: "error",
      summary: "Unsupported argument",
      detail: 'An argument named "bucket_name" is not expected here.',
      address: "aws_s3_bucket.logs",
      file: "cdk.tf.json",
      line: lineOf('"bucket": "b"'),
    });
    expect(out.diagnostics[1]?.address).toBe("aws_sqs_queue.q");
    expect(formatDiagnostics("prod/prod-x", out)).toEqual([
      "FAIL prod/prod-x: 1 error(s), 1 warning(s)",
      `  error: Unsupported argument [aws_s3_bucket.logs at cdk.tf.json:${lineOf('"bucket": "b"')}]`,
      '    An argument named "bucket_name" is not expected here.',
      "  warning: Deprecated [aws_sqs_queue.q]",
    ]);
  });

  it("treats output that is not validate JSON as an error, never as valid", () => {
    const out = parseValidateJson("panic: plugin crashed\n");
    expect(out.valid).toBe(false);
    expect(out.diagnostics[0]).toMatchObject({ severity: "error", summary: "validate did not print JSON", detail: "panic: plugin crashed" });
    expect(parseValidateJson(JSON.stringify({ valid: true, error_count: 0, warning_count: 0, diagnostics: [] })).valid).toBe(true);
  });
});

describe("what validate runs", () => {
  it("init without a backend against the CLI config's mirror, then validate -json, in the stack's directory", () => {
    const env = { TF_CLI_CONFIG_FILE: "/c/tofurc", TF_PLUGIN_CACHE_DIR: "/c/plugins" };
    expect(validateCommands("/c/bin/tofu", "/repo/apps/prod/cdktf.out/stacks/s", env)).toEqual({
      init: { command: "/c/bin/tofu", args: ["init", "-backend=false", "-input=false", "-no-color"], cwd: "/repo/apps/prod/cdktf.out/stacks/s", env },
      validate: { command: "/c/bin/tofu", args: ["validate", "-json", "-no-color"], cwd: "/repo/apps/prod/cdktf.out/stacks/s", env },
    });
  });

  it("reads --env, --parallelism and bootstrap from the command line, with errors naming the bad value", () => {
    expect(parseValidateArgs([]).apps).toEqual(["dev", "staging", "uat", "prod", "bootstrap"]);
    expect(parseValidateArgs(["--env", "prod"]).apps).toEqual(["prod"]);
    expect(parseValidateArgs(["--no-bootstrap"]).apps).toEqual(["dev", "staging", "uat", "prod"]);
    expect(parseValidateArgs(["--parallelism", "3"]).parallelism).toBe(3);
    expect(() => parseValidateArgs(["--parallelism", "0"])).toThrow('--parallelism must be a whole number >= 1, got "0"');
    expect(parseValidateArgs(["--env", "bootstrap"]).apps).toEqual(["bootstrap"]);
    expect(() => parseValidateArgs(["--env", "prod,qa"])).toThrow(/unknown env qa; must be among dev, staging, uat, prod, bootstrap/);
  });

  it("starts the largest stacks first", () => {
    const s = (name: string, blocks: number): StackRef => ({ app: "prod", name, dir: `/${name}`, blocks });
    expect(scheduleOrder([s("a", 3), s("b", 40), s("c", 3), s("d", 12)]).map((x) => x.name)).toEqual(["b", "d", "a", "c"]);
  });
});

describe("bounded parallelism", () => {
  it("never has more than the limit in flight and returns results in input order", async () => {
    let inFlight = 0;
    let peak = 0;
    const done: number[] = [];
    const out = await mapPool(
      [30, 10, 20, 5, 15],
      2,
      async (ms) => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, ms));
        inFlight--;
        return ms * 2;
      },
      (r) => done.push(r),
    );
    expect(peak).toBe(2);
    expect(out).toEqual([60, 20, 40, 10, 30]);
    expect(done.sort((a, b) => a - b)).toEqual([10, 20, 30, 40, 60]);
    await expect(mapPool([1], 0, async (x) => x)).rejects.toThrow("parallelism must be a whole number >= 1, got 0");
  });
});

/** Stacks on disk plus a stand-in `tofu` that logs each call with its start and end time. */
function fixture() {
  const root = mkdtempSync(join(tmpdir(), "validate-"));
  const stacksDir = join(root, "apps", "prod", "cdktf.out", "stacks");
  const stacks = {
    big: { resource: { aws_s3_bucket: { a: {}, b: {}, c: {} } } },
    good: { resource: { aws_s3_bucket: { a: {} } } },
    bad: { resource: { aws_s3_bucket: { logs: { bucket_name: "x" } } } },
    "broken-init": { resource: {} },
  };
  for (const [name, json] of Object.entries(stacks)) {
    mkdirSync(join(stacksDir, name), { recursive: true });
    writeFileSync(join(stacksDir, name, "cdk.tf.json"), JSON.stringify(json, null, 2));
  }
  const log = join(root, "calls.jsonl");
  const tofu = join(root, "tofu");
  writeFileSync(
    tofu,
    `#!/usr/bin/env node
const fs = require("node:fs");
const path = require("node:path");
const stack = path.basename(process.cwd());
const [cmd] = process.argv.slice(2);
const start = Date.now();
const record = (extra) => fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ stack, cmd, args: process.argv.slice(2), cache: process.env.TF_PLUGIN_CACHE_DIR, start, end: Date.now(), ...extra }) + "\\n");
setTimeout(() => {
  if (cmd === "init") {
    if (stack === "broken-init") { record({}); console.error("Error: provider registry.opentofu.org/hashicorp/aws was not found in the mirror"); process.exit(1); }
    fs.mkdirSync(process.env.TF_PLUGIN_CACHE_DIR, { recursive: true });
    fs.writeFileSync(path.join(process.env.TF_PLUGIN_CACHE_DIR, "aws"), "provider");
    fs.mkdirSync(".terraform", { recursive: true });
    record({}); process.exit(0);
  }
  const line = fs.readFileSync("cdk.tf.json", "utf8").split("\\n").findIndex((l) => l.includes("bucket_name")) + 1;
  const bad = stack === "bad";
  console.log(JSON.stringify({ format_version: "1.0", valid: !bad, error_count: bad ? 1 : 0, warning_count: 0,
    diagnostics: bad ? [{ severity: "error", summary: "Unsupported argument", detail: "An argument named \\"bucket_name\\" is not expected here.", range: { filename: "cdk.tf.json", start: { line, column: 1, byte: 0 } } }] : [] }));
  record({}); process.exit(bad ? 1 : 0);
}, 60);
`,
  );
  chmodSync(tofu, 0o755);
  return { root, log, tofu };
}

describe("validateAll with a stand-in tofu", () => {
  it("validates every stack, reports init and validate failures with stack and address, and fills the plugin cache once first", async () => {
    const { root, log, tofu } = fixture();
    const stacks = scheduleOrder(discoverStacks(root, ["prod"]));
    const pluginCache = join(root, "plugin-cache");
    const finished: string[] = [];
    const results = await validateAll(stacks, {
      tofu,
      env: { TF_PLUGIN_CACHE_DIR: pluginCache },
      parallelism: 2,
      fresh: true,
      pluginCache,
      onDone: (r, n) => finished.push(`${n}:${r.stack.name}:${r.ok}`),
    });
    expect(results.map((r) => [r.stack.name, r.ok])).toEqual([
      ["big", true],
      ["bad", false],
      ["good", true],
      ["broken-init", false],
    ]);
    expect(finished[0]).toBe("1:big:true");
    const bad = results.find((r) => r.stack.name === "bad")!;
    expect(bad.validate?.diagnostics[0]).toMatchObject({ summary: "Unsupported argument", address: "aws_s3_bucket.logs" });
    const broken = results.find((r) => r.stack.name === "broken-init")!;
    expect(broken).toMatchObject({ failedAt: "init", validateMs: 0 });
    expect(broken.initOutput).toContain("was not found in the mirror");

    const calls = readFileSync(log, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { stack: string; cmd: string; args: string[]; cache: string; start: number; end: number });
    expect(calls.filter((c) => c.cmd === "init").every((c) => c.args.includes("-backend=false") && c.cache === pluginCache)).toBe(true);
    // The plugin cache was empty: the first stack ran alone (init and validate) before any other started.
    const firstEnd = Math.max(...calls.filter((c) => c.stack === "big").map((c) => c.end));
    expect(calls.filter((c) => c.stack !== "big").every((c) => c.start >= firstEnd)).toBe(true);
    // Never more than 2 stacks at once after that.
    const others = calls.filter((c) => c.stack !== "big");
    for (const c of others) expect(new Set(others.filter((o) => o.start < c.end && o.end > c.start).map((o) => o.stack)).size).toBeLessThanOrEqual(2);
    expect(existsSync(join(pluginCache, "aws"))).toBe(true);
  });
});

describe("npm run validate (the command, with a stand-in toolchain)", () => {
  const REPO = join(__dirname, "..", "..", "..", "..");
  function run(args: string[], env: Record<string, string>) {
    return spawnSync(process.execPath, ["--import", "tsx", "--", "apps/ops/src/validate/main.ts", ...args], {
      cwd: REPO,
      env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.base.json", ...env },
      encoding: "utf8",
    });
  }
  function workspace(): { root: string; cache: string; tofu: string } {
    const { root, tofu } = fixture();
    mkdirSync(join(root, "tools", "toolchain"), { recursive: true });
    copyFileSync(join(REPO, "tools", "toolchain", "versions.json"), join(root, "tools", "toolchain", "versions.json"));
    return { root, cache: mkdtempSync(join(tmpdir(), "tc-")), tofu };
  }

  it("without a built toolchain: exit 3 saying what is missing; with --if-toolchain (CI): exit 0, skipped", () => {
    const { root, cache } = workspace();
    const env = { INFRA_WORKSPACE_ROOT: root, INFRA_TOOLCHAIN_CACHE: cache };
    const missing = run(["--no-synth"], env);
    expect(missing.status).toBe(3);
    expect(missing.stdout).toMatch(/validate: toolchain not built \(.*bin\/tofu/);
    const ci = run(["--no-synth", "--if-toolchain"], env);
    expect(ci.status).toBe(0);
    expect(ci.stdout).toContain("validate: skipped (--if-toolchain)");
  });

  it("with one: progress per stack, then each failure with stack, address and diagnostic; exit 1", () => {
    const { root, cache, tofu } = workspace();
    const versions = JSON.parse(readFileSync(join(root, "tools", "toolchain", "versions.json"), "utf8")) as {
      opentofu: { release: string };
      awsProvider: { release: string };
    };
    const layout = toolchainLayout({ ...versions, go: "go1.26.8" } as never, cache);
    mkdirSync(dirname(layout.tofu), { recursive: true });
    copyFileSync(tofu, layout.tofu);
    chmodSync(layout.tofu, 0o755);
    mkdirSync(dirname(layout.providerBinaries[0]!), { recursive: true });
    writeFileSync(layout.providerBinaries[0]!, "provider");
    writeFileSync(layout.cliConfig, "");
    const r = run(["--env", "prod", "--no-synth", "--parallelism", "2"], { INFRA_WORKSPACE_ROOT: root, INFRA_TOOLCHAIN_CACHE: cache });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/validate: 4 stacks of prod, 2 at a time/);
    expect(r.stdout).toMatch(/\[ {2}1\/4\] ok {3}big \(init/);
    expect(r.stdout).toMatch(/\] INIT broken-init/);
    expect(r.stdout).toContain("FAIL prod/bad: 1 error(s), 0 warning(s)");
    expect(r.stdout).toMatch(/error: Unsupported argument \[aws_s3_bucket\.logs at cdk\.tf\.json:\d+\]/);
    expect(r.stdout).toContain("FAIL prod/broken-init: tofu init failed");
    expect(r.stdout).toMatch(/validate: 2\/4 stacks valid in/);
  });
});
