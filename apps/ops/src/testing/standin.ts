import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A stand-in `tofu` / `terraform` for CLI tests: records every call (argv, directory, the env vars
 * the CLI sets, start and end time) and answers with canned output. Never the real binary, never
 * the network. Behaviour is steered through environment variables:
 *   STANDIN_RULES  JSON [{ "stack": "<regex>", "cmd": "<argv prefix>", "exit": 1, "stdout": "…", "sleepMs": 100 }]
 *                  first match wins; `cmd` matches the start of the joined argv ("plan", "show -json").
 *   STANDIN_PLANS  directory of `<stack>.json`: what `show -json <plan>` prints for that stack
 *                  (default: a plan with no changes).
 */
const SCRIPT = String.raw`#!/usr/bin/env node
const fs = require("node:fs");
const path = require("node:path");
const argv = process.argv.slice(2);
const bin = path.basename(process.argv[1]);
const stack = path.basename(process.cwd());
const started = Date.now();
const rules = JSON.parse(process.env.STANDIN_RULES || "[]");
const rule = rules.find((r) => (!r.stack || new RegExp(r.stack).test(stack)) && argv.join(" ").startsWith(r.cmd));
function record(code) {
  fs.appendFileSync(process.env.STANDIN_LOG, JSON.stringify({
    bin, argv, cwd: process.cwd(), stack, code, started, ended: Date.now(),
    cache: process.env.TF_PLUGIN_CACHE_DIR, automation: process.env.TF_IN_AUTOMATION, input: process.env.TF_INPUT,
  }) + "\n");
}
function finish(code) { record(code); process.exit(code); }
function sleep(ms) { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms); }
if (rule && rule.sleepMs) sleep(rule.sleepMs);
if (rule && rule.stdout !== undefined) process.stdout.write(rule.stdout);
if (rule && rule.exit !== undefined && rule.exit !== 0 && !(argv[0] === "plan" && rule.exit === 2)) finish(rule.exit);
const flag = (name) => { const a = argv.find((x) => x.startsWith(name + "=")); return a && a.slice(name.length + 1); };
switch (argv[0]) {
  case "version":
    process.stdout.write(process.env.STANDIN_VERSION_TEXT || (bin === "tofu" ? "OpenTofu v1.12.6\non linux_amd64\n" : "Terraform v1.11.4\non linux_amd64\n"));
    finish(0);
  case "init": {
    const json = JSON.parse(fs.readFileSync("cdk.tf.json", "utf8"));
    const [type, config] = Object.entries((json.terraform && json.terraform.backend) || {})[0] || ["local", {}];
    fs.mkdirSync(".terraform/providers", { recursive: true });
    fs.writeFileSync(".terraform/terraform.tfstate", JSON.stringify({ version: 3, backend: { type, config: { ...config, profile: null } } }));
    if (!fs.existsSync(".terraform.lock.hcl")) {
      if (argv.includes("-lockfile=readonly")) { process.stderr.write("Error: missing lock file\n"); finish(1); }
      fs.writeFileSync(".terraform.lock.hcl", "# stand-in lock written by " + stack + "\nprovider \"registry.opentofu.org/hashicorp/aws\" {\n  version = \"6.25.0\"\n}\n");
    }
    process.stdout.write("Initializing the backend...\nOpenTofu has been successfully initialized!\n");
    finish(0);
  }
  case "plan": {
    const out = flag("-out");
    if (out) fs.writeFileSync(out, "PLAN " + stack + " " + started + "\n");
    process.stdout.write("OpenTofu will perform the following actions:\nPlan: 0 to add, 0 to change, 0 to destroy.\n");
    finish(rule && rule.exit === 2 ? 2 : 0);
  }
  case "show": {
    if (argv[1] === "-json") {
      const canned = process.env.STANDIN_PLANS && path.join(process.env.STANDIN_PLANS, stack + ".json");
      process.stdout.write(canned && fs.existsSync(canned) ? fs.readFileSync(canned, "utf8") : JSON.stringify({ format_version: "1.2", resource_changes: [], output_changes: {} }));
    } else process.stdout.write("  # aws_vpc.x will be created\n");
    finish(0);
  }
  case "apply":
    process.stdout.write("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.\n");
    finish(0);
  case "destroy":
    process.stdout.write("Destroy complete! Resources: 2 destroyed.\n");
    finish(0);
  case "output":
    process.stdout.write(JSON.stringify({ vpc_id: { sensitive: false, type: "string", value: "vpc-0123" } }) + "\n");
    finish(0);
  case "state":
    process.stdout.write(argv[1] === "pull" ? JSON.stringify({ version: 4, serial: 7 }) + "\n" : "aws_vpc.main\n");
    finish(0);
  case "providers":
    fs.writeFileSync(".terraform.lock.hcl", "# stand-in lock for " + argv.filter((a) => a.startsWith("-platform=")).join(" ") + "\n");
    finish(0);
  default:
    process.stderr.write("stand-in: unexpected " + argv.join(" ") + "\n");
    finish(9);
}
`;

export interface StandInCall {
  readonly bin: string;
  readonly argv: string[];
  readonly cwd: string;
  readonly stack: string;
  readonly code: number;
  readonly started: number;
  readonly ended: number;
  readonly cache: string | undefined;
  readonly automation: string | undefined;
  readonly input: string | undefined;
}

export interface StandIn {
  /** Directory to put first on PATH. */
  readonly bin: string;
  readonly log: string;
  readonly env: Record<string, string>;
  /** Every call so far, in the order they ended. */
  calls(): StandInCall[];
  /** Forget the calls so far. */
  reset(): void;
}

/** Writes the stand-in as `tofu` and `terraform` (or only the names given) into a fresh directory. */
export function standIn(names: readonly string[] = ["tofu", "terraform"]): StandIn {
  const dir = mkdtempSync(join(tmpdir(), "tf-standin-"));
  const bin = join(dir, "bin");
  mkdirSync(bin);
  for (const name of names) {
    writeFileSync(join(bin, name), SCRIPT);
    chmodSync(join(bin, name), 0o755);
  }
  const log = join(dir, "calls.jsonl");
  writeFileSync(log, "");
  return {
    bin,
    log,
    env: { PATH: `${bin}:${process.env["PATH"]}`, STANDIN_LOG: log },
    calls: () =>
      readFileSync(log, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as StandInCall),
    reset: () => writeFileSync(log, ""),
  };
}
