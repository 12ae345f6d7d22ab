import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..", "..", "..");

interface Call {
  readonly argv: string[];
  readonly cwd: string;
  readonly automation: string | undefined;
}

/** A stand-in `terraform` on PATH that records what it was asked to do, and exits as told. */
function standIn(): { bin: string; log: string } {
  const bin = mkdtempSync(join(tmpdir(), "tf-standin-"));
  const log = join(bin, "calls.jsonl");
  writeFileSync(
    join(bin, "terraform"),
    `#!/usr/bin/env node
const fs = require("node:fs");
fs.appendFileSync(process.env.STANDIN_LOG, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(), automation: process.env.TF_IN_AUTOMATION }) + "\\n");
const failOn = process.env.STANDIN_FAIL_ON;
if (failOn && process.argv.slice(2).join(" ").startsWith(failOn)) process.exit(Number(process.env.STANDIN_EXIT || 1));
`,
  );
  chmodSync(join(bin, "terraform"), 0o755);
  writeFileSync(log, "");
  return { bin, log };
}

function cli(args: string[], extraEnv: Record<string, string> = {}) {
  const { bin, log } = standIn();
  const result = spawnSync(process.execPath, ["--import", "tsx", "--", "apps/ops/src/cli.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, PATH: `${bin}:${process.env["PATH"]}`, STANDIN_LOG: log, TSX_TSCONFIG_PATH: "tsconfig.base.json", ...extraEnv },
    encoding: "utf8",
  });
  const calls = readFileSync(log, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Call)
    .map((c) => ({ ...c, cwd: c.cwd.replace(`${ROOT}/`, "") }));
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, calls };
}

describe("infra CLI with a stand-in terraform", () => {
  beforeAll(() => {
    // plan/deploy synthesize first; state/output need the synthesized stack directories to exist.
    expect(cli(["synth", "--env", "prod"]).code).toBe(0);
    expect(cli(["synth", "--env", "dev"]).code).toBe(0);
  });

  it("plan runs init + plan in every stack directory, in deploy order", () => {
    const { code, calls } = cli(["plan", "--env", "prod"]);
    expect(code).toBe(0);
    const stacks = JSON.parse(cli(["stacks", "--env", "prod", "--json"]).stdout) as { stack: string }[];
    expect(calls).toEqual(
      stacks.flatMap(({ stack }) => [
        { argv: ["init", "-input=false", "-reconfigure"], cwd: `apps/prod/cdktf.out/stacks/${stack}`, automation: "1" },
        { argv: ["plan", "-input=false", "-out=tfplan"], cwd: `apps/prod/cdktf.out/stacks/${stack}`, automation: "1" },
      ]),
    );
  });

  it("plan of one stack touches only that stack", () => {
    const { code, calls } = cli(["plan", "--env", "prod", "--stack", "prod-eu-west-1-network-vpc", "--no-synth"]);
    expect(code).toBe(0);
    expect(new Set(calls.map((c) => c.cwd))).toEqual(new Set(["apps/prod/cdktf.out/stacks/prod-eu-west-1-network-vpc"]));
  });

  it("state list inits without taking the lock, then lists", () => {
    const { code, calls } = cli(["state", "--env", "dev", "--stack", "dev-us-east-1-network-vpc", "list"]);
    expect(code).toBe(0);
    expect(calls.map((c) => c.argv)).toEqual([
      ["init", "-input=false", "-reconfigure", "-lock=false"],
      ["state", "list"],
    ]);
  });

  it("state show passes the address through; output asks for JSON", () => {
    const show = cli(["state", "--env", "dev", "--stack", "dev-us-east-1-network-vpc", "show", "aws_vpc.vpc_6776A399"]);
    expect(show.calls.at(-1)!.argv).toEqual(["state", "show", "aws_vpc.vpc_6776A399"]);
    const output = cli(["output", "--env", "dev", "--stack", "dev-us-east-1-network-vpc"]);
    expect(output.calls.at(-1)!.argv).toEqual(["output", "-json"]);
    const pull = cli(["state", "--env", "dev", "--stack", "dev-us-east-1-network-vpc", "pull"]);
    expect(pull.calls.map((c) => c.argv)).toEqual([["init", "-input=false", "-reconfigure", "-lock=false"], ["state", "pull"]]);
    expect(output.calls[0]!.argv).toEqual(["init", "-input=false", "-reconfigure", "-lock=false"]);
  });

  it("deploy stops at the first failing stack", () => {
    const { code, calls, stderr } = cli(["deploy", "--env", "prod", "--auto-approve", "--no-synth"], { STANDIN_FAIL_ON: "apply" });
    expect(code).toBe(1);
    expect(calls.map((c) => c.argv[0])).toEqual(["init", "apply"]);
    expect(stderr).toContain("later stacks were not run");
  });

  it("destroy goes through stacks in reverse deploy order", () => {
    const { calls } = cli(["destroy", "--env", "prod", "--no-synth"]);
    const order = [...new Set(calls.map((c) => c.cwd.split("/").at(-1)))];
    const stacks = (JSON.parse(cli(["stacks", "--env", "prod", "--json"]).stdout) as { stack: string }[]).map((s) => s.stack);
    expect(order).toEqual([...stacks].reverse());
    expect(calls.filter((c) => c.argv[0] === "destroy").every((c) => c.argv.join(" ") === "destroy -input=false")).toBe(true);
  });

  it("drift plan: -detailed-exitcode without the lock; exit 2 (drift) keeps going and is the result", () => {
    const { code, calls } = cli(["plan", "--env", "prod", "--drift", "--no-synth"], { STANDIN_FAIL_ON: "plan", STANDIN_EXIT: "2" });
    expect(code).toBe(2);
    const plans = calls.filter((c) => c.argv[0] === "plan");
    expect(plans.length).toBeGreaterThan(1);
    expect(plans[0]!.argv).toEqual(["plan", "-input=false", "-detailed-exitcode", "-lock=false"]);
  });

  it("user mistakes get one line and a non-zero exit, no stack trace", () => {
    const unknown = cli(["plan", "--env", "qa"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('unknown env "qa"; must be one of dev | staging | uat | prod');
    const noStack = cli(["state", "--env", "dev", "list"]);
    expect(noStack.stderr.trim()).toBe("state needs --stack <name>");
    const badStack = cli(["plan", "--env", "dev", "--stack", "nope", "--no-synth"]);
    expect(badStack.code).not.toBe(0);
  });

  it("stacks lists deploy order with s3:// state locations", () => {
    const { stdout } = cli(["stacks", "--env", "prod"]);
    expect(stdout).toContain("s3://acme-infra-tfstate-444444444444/prod/us-east-1/network/vpc/terraform.tfstate");
    // Each stack's dependencies, in deploy order: a stack is listed after every stack it waits for.
    const rds = stdout.indexOf("prod-us-east-1-data-rds\n");
    expect(stdout.slice(rds).split("\n")[2]).toMatch(/^ {4}after: .*prod-us-east-1-network-vpc/);
    expect(stdout.indexOf("prod-us-east-1-network-vpc\n")).toBeLessThan(rds);
  });
});
