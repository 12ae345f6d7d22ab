import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { resolveEnv } from "@infra/config";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./cli";
import { findEnv } from "./envs";
import { selectDeployments, waitsFor } from "./operate/selection";
import { standIn, standInRules, type StandInCall } from "./testing/standin";

/**
 * The operator CLI end to end, in-process, against a stand-in `tofu`/`terraform` on PATH (records
 * every call, answers with canned output). Synthesized stacks live in a temporary out root, so
 * these tests never touch apps/<env>/cdktf.out of the checkout.
 */

const ROOT = resolve(__dirname, "..", "..", "..");
const tf = standIn();
const out = mkdtempSync(join(tmpdir(), "infra-cli-"));
const plugins = join(out, "plugin-cache");
const cannedPlans = join(out, "canned");
const stacksOf = (env: string) => join(out, "apps", env, "cdktf.out", "stacks");
const planDir = (env: string) => join(out, "apps", env, "tfrun", "plans");
/**
 * A stand-in AWS CLI for the deploy preflight: the dev account's credentials, every prerequisite
 * present unless STANDIN_AWS_NO_BUCKET=1 (the state bucket is missing). Never the real `aws`.
 */
const awsStandIn = join(out, "aws-standin");
writeFileSync(
  awsStandIn,
  `#!/bin/sh
case "$*" in
  "sts get-caller-identity"*) echo 111111111111 ;;
  "s3api head-bucket"*) if [ "$STANDIN_AWS_NO_BUCKET" = 1 ]; then echo "An error occurred (404) when calling the HeadBucket operation: Not Found" >&2; exit 254; fi ;;
  "dynamodb describe-table"*) echo ACTIVE ;;
  "secretsmanager list-secret-version-ids"*) echo 1 ;;
  *) echo "stand-in aws: unexpected $*" >&2; exit 255 ;;
esac
`,
  { mode: 0o755 },
);
const BASE_ENV = {
  ...tf.env,
  INFRA_AWS_CLI: awsStandIn,
  INFRA_OUT_ROOT: out,
  INFRA_PLUGIN_CACHE_DIR: plugins,
  STANDIN_PLANS: cannedPlans,
  INFRA_TF_BINARY: "",
  TF_PLUGIN_CACHE_DIR: "",
  INFRA_TOOLCHAIN_CACHE: join(out, "no-toolchain"),
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  asked: string[];
  calls: StandInCall[];
}

async function cli(args: string[], opts: { env?: Record<string, string>; answers?: string[] } = {}): Promise<Run> {
  tf.reset();
  const stdout: string[] = [];
  const stderr: string[] = [];
  const asked: string[] = [];
  const answers = [...(opts.answers ?? [])];
  const env: NodeJS.ProcessEnv = { ...process.env, ...BASE_ENV, ...opts.env };
  for (const [k, v] of Object.entries(env)) if (v === "") delete env[k];
  const code = await runCli(args, {
    stdout: (t) => stdout.push(t),
    stderr: (t) => stderr.push(t),
    env,
    ask: async (q) => {
      asked.push(q);
      return answers.shift();
    },
  });
  return { code, stdout: stdout.join(""), stderr: stderr.join(""), asked, calls: tf.calls().filter((c) => c.argv[0] !== "version") };
}

const rules = standInRules;
const cannedPlan = (stack: string, plan: object) => writeFileSync(join(cannedPlans, `${stack}.json`), JSON.stringify({ format_version: "1.2", ...plan }));
const resolved = (env: string) => resolveEnv(root, findEnv(env), WORKLOADS);

beforeAll(async () => {
  mkdirSync(cannedPlans, { recursive: true });
  for (const env of ["dev", "prod"]) expect((await cli(["synth", "--env", env])).code).toBe(0);
}, 240_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

beforeEach(() => {
  // Every test starts from stacks that were never initialized or planned.
  for (const env of ["dev", "prod"]) {
    rmSync(join(out, "apps", env, "tfrun"), { recursive: true, force: true });
    for (const stack of readdirSync(stacksOf(env))) {
      rmSync(join(stacksOf(env), stack, ".terraform"), { recursive: true, force: true });
      rmSync(join(stacksOf(env), stack, ".terraform.lock.hcl"), { force: true });
    }
  }
  rmSync(cannedPlans, { recursive: true, force: true });
  mkdirSync(cannedPlans);
});

describe("plan: parallel by dependency level, one plugin cache, init once", () => {
  it("runs prod's stacks with at most --parallelism at once, each only after the stacks it depends on", async () => {
    const r = await cli(["plan", "--env", "prod", "--no-synth", "--parallelism", "3"], { env: rules({ cmd: "plan", sleepMs: 80 }) });
    expect(r.code).toBe(0);
    const plans = r.calls.filter((c) => c.argv[0] === "plan");
    expect(plans).toHaveLength(resolved("prod").deployments.length);
    // Concurrency: the most plans that overlapped in time.
    const events = plans
      .flatMap((p) => [
        [p.started, 1],
        [p.ended, -1],
      ])
      .sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    let now = 0;
    let peak = 0;
    for (const [, d] of events) peak = Math.max(peak, (now += d!));
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(3);
    // Order: a stack's plan starts after every plan of a stack it depends on has ended.
    const env = resolved("prod");
    const byStack = new Map(plans.map((p) => [p.stack, p]));
    for (const [stack, deps] of waitsFor(env, env.deployments, false)) {
      for (const dep of deps) expect(byStack.get(stack)!.started, `${stack} after ${dep}`).toBeGreaterThanOrEqual(byStack.get(dep)!.ended);
    }
  }, 120_000);

  it("inits each stack once with the shared plugin cache and one lock file, never -reconfigure; the next run skips init", async () => {
    const first = await cli(["plan", "--env", "dev", "--no-synth"]);
    expect(first.code).toBe(0);
    const inits = first.calls.filter((c) => c.argv[0] === "init");
    expect(inits.map((c) => c.stack).sort()).toEqual(
      resolved("dev")
        .deployments.map((d) => d.stackName)
        .sort(),
    );
    expect(inits.every((c) => !c.argv.includes("-reconfigure"))).toBe(true);
    expect(first.calls.every((c) => c.cache === plugins && c.automation === "1")).toBe(true);
    // The first init ran alone (it fills the cache) and wrote the lock file every other stack got.
    const firstInit = inits.reduce((a, b) => (a.started < b.started ? a : b));
    expect(inits.filter((c) => c !== firstInit).every((c) => c.started >= firstInit.ended)).toBe(true);
    const locks = new Set(readdirSync(stacksOf("dev")).map((s) => readFileSync(join(stacksOf("dev"), s, ".terraform.lock.hcl"), "utf8")));
    expect([...locks]).toEqual([expect.stringContaining(`written by ${firstInit.stack}`)]);
    const again = await cli(["plan", "--env", "dev", "--no-synth"]);
    expect(again.calls.filter((c) => c.argv[0] === "init")).toEqual([]);
  });

  it("a moved backend is reported, and re-initialized only with --reconfigure", async () => {
    const stack = "dev-us-east-1-data-rds";
    await cli(["plan", "--env", "dev", "--no-synth", "--stack", stack]);
    const state = join(stacksOf("dev"), stack, ".terraform", "terraform.tfstate");
    writeFileSync(state, readFileSync(state, "utf8").replace("dev/us-east-1/data/rds/terraform.tfstate", "old/key.tfstate"));
    const refused = await cli(["plan", "--env", "dev", "--no-synth", "--stack", stack]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('s3 key "old/key.tfstate" → "dev/us-east-1/data/rds/terraform.tfstate" since its last init: rerun with --reconfigure');
    expect(refused.calls).toEqual([]);
    const fixed = await cli(["plan", "--env", "dev", "--no-synth", "--stack", stack, "--reconfigure"]);
    expect(fixed.code).toBe(0);
    expect(fixed.calls.find((c) => c.argv[0] === "init")!.argv).toContain("-reconfigure");
  });

  it("prints progress on stderr and a summary table on stdout", async () => {
    cannedPlan("dev-us-east-1-network-vpc", {
      resource_changes: [
        { address: "aws_vpc.a", change: { actions: ["delete", "create"] } },
        { address: "aws_x.b", change: { actions: ["update"] } },
      ],
    });
    const r = await cli(["plan", "--env", "dev", "--no-synth"]);
    const n = resolved("dev").deployments.length;
    expect(r.stderr).toMatch(new RegExp(`^\\[0/${n} done, 1 running, ${n - 1} left, \\d+s\\] plan dev-us-east-1-account-foundation …$`, "m"));
    expect(r.stderr).toMatch(
      new RegExp(`^\\[\\d+/${n} done, \\d+ running, \\d+ left, \\d+s\\] ✓ dev-us-east-1-network-vpc changes \\+1 ~1 -1 \\(\\d+\\.\\ds\\)$`, "m"),
    );
    // Which planned stacks read other stacks' outputs, so a fresh env's placeholders are expected (docs/fresh-env-plan.md).
    expect(r.stderr).toMatch(new RegExp(`^placeholders: \\d+ of ${n} stacks read \\d+ outputs of other stacks;`, "m"));
    expect(r.stdout).toMatch(/^stack +result +add +change +destroy +time$/m);
    expect(r.stdout).toMatch(/^dev-us-east-1-network-vpc +changes +1 +1 +1 +\d+\.\ds$/m);
    expect(r.stdout).toMatch(new RegExp(`^${n} stacks in \\d+s: ${n} ok, 0 failed, 0 skipped, 1 with changes$`, "m"));
  });

  it("PR plans are read-only (--no-lock), applies wait for the lock (--lock-timeout)", async () => {
    const pr = await cli(["plan", "--env", "dev", "--no-synth", "--stack", "dev-us-east-1-network-vpc,dev-us-east-1-dns-zone", "--no-lock"]);
    expect(pr.calls.filter((c) => c.stack === "dev-us-east-1-network-vpc").map((c) => c.argv.filter((a) => a.startsWith("-lock")))).toEqual([
      ["-lock=false"],
      ["-lock=false"],
      [],
    ]);
    expect(new Set(pr.calls.map((c) => c.stack))).toEqual(new Set(["dev-us-east-1-network-vpc", "dev-us-east-1-dns-zone"]));
    const apply = await cli(["deploy", "--env", "dev", "--no-synth", "--stack", "dev-us-east-1-network-vpc", "--auto-approve", "--lock-timeout", "10m"]);
    expect(apply.calls.find((c) => c.argv[0] === "apply")!.argv).toEqual(["apply", "-input=false", "-lock-timeout=10m", "-auto-approve"]);
  });
});

describe("plan files and deploy --from-plan", () => {
  const vpc = "dev-us-east-1-network-vpc";
  const rds = "dev-us-east-1-data-rds";
  const selection = ["--stack", rds, "--with-dependencies"];

  it("plan saves one plan file per stack and a manifest; --from-plan applies exactly those files, skipping no-change stacks", async () => {
    cannedPlan(rds, { resource_changes: [{ address: "aws_db_instance.db", change: { actions: ["update"] } }] });
    const plan = await cli(["plan", "--env", "dev", "--no-synth", ...selection]);
    expect(plan.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(planDir("dev"), "manifest.json"), "utf8"));
    const stacks = ["dev-us-east-1-account-foundation", "dev-us-east-1-security-kms", vpc, "dev-us-east-1-services-ecs-cluster", rds];
    expect(Object.keys(manifest.stacks).sort()).toEqual([...stacks].sort());
    const json = readFileSync(join(stacksOf("dev"), rds, "cdk.tf.json"));
    expect(manifest.stacks[rds]).toMatchObject({
      planFile: `${rds}.tfplan`,
      configSha256: createHash("sha256").update(json).digest("hex"),
      binary: "OpenTofu 1.12.6",
      counts: { add: 0, change: 1, destroy: 0, hasChanges: true },
    });
    expect(
      readdirSync(planDir("dev"))
        .filter((f) => f.endsWith(".tfplan"))
        .sort(),
    ).toEqual(stacks.map((s) => `${s}.tfplan`).sort());
    // The run's lock file is kept with the plans; a fresh checkout (the CI apply job) inits against it, verified.
    const lock = readFileSync(join(planDir("dev"), "providers.lock.hcl"), "utf8");
    for (const s of stacks) {
      rmSync(join(stacksOf("dev"), s, ".terraform"), { recursive: true, force: true });
      rmSync(join(stacksOf("dev"), s, ".terraform.lock.hcl"), { force: true });
    }
    const deploy = await cli(["deploy", "--env", "dev", "--no-synth", "--from-plan", ...selection], { answers: ["yes"] });
    // Only the stack with changes is initialized (against that lock file, verified) and applied.
    expect(deploy.calls.filter((c) => c.argv[0] === "init").map((c) => [c.stack, c.argv.includes("-lockfile=readonly")])).toEqual([[rds, true]]);
    expect(readFileSync(join(stacksOf("dev"), rds, ".terraform.lock.hcl"), "utf8")).toBe(lock);
    expect(deploy.code).toBe(0);
    expect(deploy.asked).toHaveLength(1);
    expect(deploy.asked[0]).toContain(`${rds} +0 ~1 -0`);
    expect(deploy.calls.filter((c) => c.argv[0] === "apply").map((c) => c.argv)).toEqual([
      ["apply", "-no-color", "-input=false", join(planDir("dev"), `${rds}.tfplan`)],
    ]);
    expect(deploy.stdout).toMatch(new RegExp(`^${vpc} +no changes`, "m"));
  });

  it("refuses every plan when one no longer matches the synthesized JSON, the plan file or the commit; nothing is applied", async () => {
    await cli(["plan", "--env", "dev", "--no-synth", ...selection]);
    const json = join(stacksOf("dev"), vpc, "cdk.tf.json");
    const original = readFileSync(json, "utf8");
    writeFileSync(json, original.replace('"Workload": "platform"', '"Workload": "platform2"'));
    try {
      const stale = await cli(["deploy", "--env", "dev", "--no-synth", "--from-plan", "--auto-approve", ...selection]);
      expect(stale.code).toBe(1);
      expect(stale.stderr).toContain(`refusing to apply stale or missing plans (nothing was applied)`);
      expect(stale.stderr).toMatch(new RegExp(`${vpc}: cdk.tf.json changed since the plan of \\S+ \\(synthesized config differs\\)`));
      expect(stale.calls).toEqual([]);
    } finally {
      writeFileSync(json, original);
    }
    writeFileSync(join(planDir("dev"), `${rds}.tfplan`), "tampered");
    const tampered = await cli(["deploy", "--env", "dev", "--no-synth", "--from-plan", "--auto-approve", ...selection]);
    expect(tampered.stderr).toContain(`${rds}: plan file ${rds}.tfplan changed after it was recorded`);
    await cli(["plan", "--env", "dev", "--no-synth", ...selection]);
    const manifestFile = join(planDir("dev"), "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    manifest.stacks[vpc].commit = "0".repeat(40);
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const moved = await cli(["deploy", "--env", "dev", "--no-synth", "--from-plan", "--auto-approve", ...selection]);
    expect(moved.stderr).toMatch(new RegExp(`${vpc}: planned at commit 000000000000, the checkout is at [0-9a-f]{12}`));
    const none = await cli(["deploy", "--env", "dev", "--no-synth", "--from-plan", "--auto-approve", "--stack", "dev-us-east-1-ops-monitoring"]);
    expect(none.stderr).toContain("dev-us-east-1-ops-monitoring: no saved plan (run plan first)");
    expect([tampered, moved, none].flatMap((r) => r.calls)).toEqual([]);
  });

  it("skips a dependent whose plan read an output that its dependency's plan changes (it must be planned again)", async () => {
    const selection = ["--stack", vpc, "--stack", rds];
    const vpcJson = readFileSync(join(stacksOf("dev"), rds, "cdk.tf.json"), "utf8");
    const read = /cross-stack-reference-input-dev-us-east-1-network-vpc\.outputs\.([\w-]+)/.exec(vpcJson)![1]!;
    cannedPlan(vpc, {
      resource_changes: [{ address: "aws_vpc.v", change: { actions: ["delete", "create"] } }],
      output_changes: { [read]: { actions: ["update"] } },
    });
    cannedPlan(rds, { resource_changes: [{ address: "aws_db_instance.db", change: { actions: ["update"] } }] });
    await cli(["plan", "--env", "dev", "--no-synth", ...selection]);
    const r = await cli(["deploy", "--env", "dev", "--no-synth", "--from-plan", "--auto-approve", ...selection]);
    expect(r.code).toBe(1);
    expect(r.calls.filter((c) => c.argv[0] === "apply").map((c) => c.stack)).toEqual([vpc]);
    expect(r.stdout).toMatch(new RegExp(`^${rds} +stale`, "m"));
    expect(r.stdout).toContain(`${rds}: plan again after ${vpc} is applied: it changes ${read}, which this plan read`);
  });
});

describe("selection: --stack, --with-dependencies, --with-dependents, --workload, --region", () => {
  it("--with-dependencies adds what the stack needs; --with-dependents (destroy) adds what needs it, destroyed first", async () => {
    const env = resolved("prod");
    const deps = await cli(["plan", "--env", "prod", "--no-synth", "--stack", "prod-us-east-1-data-rds", "--with-dependencies"]);
    expect(new Set(deps.calls.filter((c) => c.argv[0] === "plan").map((c) => c.stack))).toEqual(
      new Set(
        selectDeployments(env, { stacks: ["prod-us-east-1-data-rds"], workloads: [], regions: [], withDependencies: true, withDependents: false }).map(
          (d) => d.stackName,
        ),
      ),
    );
    const down = await cli([
      "destroy",
      "--env",
      "prod",
      "--no-synth",
      "--stack",
      "prod-us-east-1-network-vpc",
      "--with-dependents",
      "--auto-approve",
      "--confirm-env",
      "prod",
    ]);
    expect(down.code).toBe(0);
    const destroyed = down.calls.filter((c) => c.argv[0] === "destroy");
    expect(destroyed.every((c) => c.argv.join(" ") === "destroy -no-color -input=false -auto-approve")).toBe(true);
    const names = destroyed.map((c) => c.stack);
    expect(names).toContain("prod-us-east-1-data-rds");
    const byStack = new Map(destroyed.map((c) => [c.stack, c]));
    for (const [stack, waits] of waitsFor(
      env,
      env.deployments.filter((d) => names.includes(d.stackName)),
      true,
    )) {
      for (const dependent of waits) expect(byStack.get(stack)!.started, `${stack} after ${dependent}`).toBeGreaterThanOrEqual(byStack.get(dependent)!.ended);
    }
  });

  it("--workload and --region narrow the run to exactly those stacks", async () => {
    const r = await cli(["plan", "--env", "prod", "--no-synth", "--workload", "timeline", "--region", "us-west-2"]);
    const expected = resolved("prod")
      .deployments.filter((d) => d.workload === "timeline" && d.region.name === "us-west-2")
      .map((d) => d.stackName);
    // kms, vpc, rds, elasticache, s3, monitoring, governance, compute-ecr, compute-app (the DR standby).
    expect(expected.length).toBe(9);
    expect(
      r.calls
        .filter((c) => c.argv[0] === "plan")
        .map((c) => c.stack)
        .sort(),
    ).toEqual(expected.sort());
    expect(r.stderr).toContain(`plan prod: 9 of ${resolved("prod").deployments.length} stacks`);
  });
});

describe("whole-env runs: keep going, one confirmation, typed confirmation for prod, drift", () => {
  it("a failed stack skips its dependents, everything else still runs, and all of it is reported", async () => {
    const r = await cli(["plan", "--env", "dev", "--no-synth"], { env: rules({ stack: "^dev-us-east-1-network-vpc$", cmd: "plan", exit: 1 }) });
    expect(r.code).toBe(1);
    const planned = new Set(r.calls.filter((c) => c.argv[0] === "plan").map((c) => c.stack));
    const env = resolved("dev");
    const dependents = selectDeployments(env, {
      stacks: ["dev-us-east-1-network-vpc"],
      workloads: [],
      regions: [],
      withDependencies: false,
      withDependents: true,
    })
      .map((d) => d.stackName)
      .filter((s) => s !== "dev-us-east-1-network-vpc");
    expect(dependents.length).toBeGreaterThan(2);
    for (const s of dependents) expect(planned.has(s), s).toBe(false);
    expect(planned.size).toBe(env.deployments.length - dependents.length);
    expect(r.stdout).toMatch(/^dev-us-east-1-network-vpc +failed/m);
    expect(r.stdout).toMatch(/^dev-us-east-1-data-rds +skipped/m);
    expect(r.stdout).toContain("dev-us-east-1-data-rds: failed dependency dev-us-east-1-network-vpc");
    expect(r.stdout).toMatch(new RegExp(`^${env.deployments.length} stacks in \\d+s: ${planned.size - 1} ok, 1 failed, ${dependents.length} skipped$`, "m"));
    expect(r.stdout).toMatch(/dev-us-east-1-network-vpc: plan failed \(exit 1\); log: \S+dev-us-east-1-network-vpc\.log/);
  });

  it("deploy of a whole env asks once; anything but yes changes nothing", async () => {
    const n = resolved("dev").deployments.length;
    const no = await cli(["deploy", "--env", "dev", "--no-synth"], { answers: ["y"] });
    expect(no.code).toBe(1);
    expect(no.asked).toHaveLength(1);
    expect(no.asked[0]).toMatch(new RegExp(`^This will plan and apply these ${n} stacks of dev in dependency order, without further prompts:`));
    expect(no.calls).toEqual([]);
    const yes = await cli(["deploy", "--env", "dev", "--no-synth"], { answers: ["yes"] });
    expect(yes.code).toBe(0);
    expect(yes.asked).toHaveLength(1);
    expect(yes.calls.filter((c) => c.argv[0] === "apply")).toHaveLength(n);
    expect(yes.calls.filter((c) => c.argv[0] === "apply").every((c) => c.argv.includes("-auto-approve") && c.input === "0")).toBe(true);
  });

  it("preflight lists the env's fresh-account prerequisites with the commands that provide them; --json for scripts", async () => {
    const r = await cli(["preflight", "--env", "dev", "--no-synth"]);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([]);
    expect(r.stdout).toMatch(/^preflight dev \(account 111111111111\): \d+ prerequisites, \d+ block a deploy of these stacks\n/);
    expect(r.stdout).toContain(
      "needed   state bucket acme-infra-tfstate-111111111111 and lock table acme-infra-tf-locks exist (apps/bootstrap)  [111111111111 us-east-1]",
    );
    expect(r.stdout).toContain("npm run infra -- bootstrap deploy --env dev");
    expect(r.stdout).toContain("dev.aerologue.app is delegated by NS records in the zone aerologue.app (env prod)");
    expect(r.stdout).toContain("# with credentials of account 444444444444 (the parent zone aerologue.app, env prod)");
    const json = JSON.parse((await cli(["preflight", "--env", "dev", "--no-synth", "--json"])).stdout) as {
      prerequisites: { kind: string; blocksDeploy: boolean; fix: string[] }[];
    };
    expect(json.prerequisites.find((p) => p.kind === "state-backend")).toMatchObject({ blocksDeploy: true });
    expect(json.prerequisites.every((p) => p.fix.length > 0)).toBe(true);
    // A filter narrows it to what those stacks need: the VPC needs only the state backend.
    const vpc = JSON.parse((await cli(["preflight", "--env", "dev", "--no-synth", "--json", "--stack", "dev-us-east-1-network-vpc"])).stdout) as {
      prerequisites: { kind: string }[];
    };
    expect(vpc.prerequisites.map((p) => p.kind)).toEqual(["state-backend"]);
  });

  it("preflight --check asks AWS and exits 1 when a prerequisite of the deploy is missing", async () => {
    const ok = await cli(["preflight", "--env", "dev", "--no-synth", "--check", "--stack", "dev-us-east-1-network-vpc"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("present  state bucket acme-infra-tfstate-111111111111");
    const missing = await cli(["preflight", "--env", "dev", "--no-synth", "--check", "--stack", "dev-us-east-1-network-vpc"], {
      env: { STANDIN_AWS_NO_BUCKET: "1" },
    });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("MISSING  state bucket acme-infra-tfstate-111111111111");
    expect(missing.stdout).toContain("check: bucket acme-infra-tfstate-111111111111 does not exist");
  });

  it("deploy runs the preflight first: a missing prerequisite refuses the run before any init; --skip-preflight goes on", async () => {
    const refused = await cli(["deploy", "--env", "dev", "--no-synth", "--stack", "dev-us-east-1-network-vpc", "--auto-approve"], {
      env: { STANDIN_AWS_NO_BUCKET: "1" },
    });
    expect(refused.code).toBe(1);
    expect(refused.calls).toEqual([]);
    expect(refused.stderr).toContain("preflight: 1 prerequisites of this deploy are missing; provide them, or pass --skip-preflight:");
    expect(refused.stderr).toContain("npm run infra -- bootstrap deploy --env dev");
    const forced = await cli(["deploy", "--env", "dev", "--no-synth", "--stack", "dev-us-east-1-network-vpc", "--auto-approve", "--skip-preflight"], {
      env: { STANDIN_AWS_NO_BUCKET: "1" },
    });
    expect(forced.code).toBe(0);
    expect(forced.calls.map((c) => c.argv[0])).toContain("apply");
    // The zone delegation of a run that also creates the zone is a step during the run, not a refusal.
    const zone = await cli(["deploy", "--env", "dev", "--no-synth", "--workload", "aerologue", "--auto-approve"]);
    expect(zone.code).toBe(0);
    expect(zone.stderr).toContain("preflight: during this run, after dev-us-east-1-aerologue-edge-dns and before");
  });

  it("destroy --env prod also asks to type the env name, even with --auto-approve; --confirm-env prod answers it", async () => {
    const wrong = await cli(["destroy", "--env", "prod", "--no-synth", "--workload", "atlas", "--auto-approve"], { answers: ["yes"] });
    expect(wrong.code).toBe(1);
    expect(wrong.asked[0]).toContain("Type the env name (prod) to go on:");
    expect(wrong.calls).toEqual([]);
    const typed = await cli(["destroy", "--env", "prod", "--no-synth", "--workload", "atlas"], { answers: ["prod", "yes"] });
    expect(typed.asked).toHaveLength(2);
    // The 13 stacks of atlas at the committed phase 1 (docs/workloads/atlas.md).
    expect(typed.calls.filter((c) => c.argv[0] === "destroy")).toHaveLength(13);
    const scripted = await cli(["destroy", "--env", "prod", "--no-synth", "--workload", "atlas", "--auto-approve", "--confirm-env", "prod"]);
    expect(scripted.asked).toEqual([]);
    expect(scripted.code).toBe(0);
    const dev = await cli(["destroy", "--env", "dev", "--no-synth", "--stack", "dev-us-east-1-dns-app-record", "--auto-approve"]);
    expect(dev.asked).toEqual([]);
  });

  it("--drift plans read-only with -detailed-exitcode, lists the drifted stacks and exits 2", async () => {
    const r = await cli(["plan", "--env", "dev", "--no-synth", "--drift"], {
      env: rules({ stack: "^dev-us-east-1-(data-rds|dns-zone)$", cmd: "plan", exit: 2 }),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`drift in 2 of ${resolved("dev").deployments.length} stacks: dev-us-east-1-data-rds, dev-us-east-1-dns-zone`);
    const plans = r.calls.filter((c) => c.argv[0] === "plan");
    expect(plans[0]!.argv.slice(0, 4)).toEqual(["plan", "-no-color", "-input=false", "-lock=false"]);
    expect(plans[0]!.argv).toContain("-detailed-exitcode");
    expect(existsSync(join(planDir("dev"), "manifest.json"))).toBe(false); // drift plans are never kept
  });
});

describe("binary, version check, output and state", () => {
  it("uses tofu when it is on PATH, else terraform; --binary and $INFRA_TF_BINARY choose", async () => {
    const onlyTerraform = standIn(["terraform"]);
    const r = await cli(["plan", "--env", "dev", "--no-synth", "--stack", "dev-us-east-1-network-vpc"], {
      env: { PATH: `${onlyTerraform.bin}:/usr/bin:/bin`, STANDIN_LOG: tf.log },
    });
    expect(r.calls.map((c) => c.bin)).toEqual(["terraform", "terraform", "terraform"]);
    const tofu = await cli(["plan", "--env", "dev", "--no-synth", "--stack", "dev-us-east-1-network-vpc"]);
    expect(new Set(tofu.calls.map((c) => c.bin))).toEqual(new Set(["tofu"]));
    const flag = await cli(["plan", "--env", "dev", "--no-synth", "--stack", "dev-us-east-1-network-vpc", "--binary", "terraform"]);
    expect(new Set(flag.calls.map((c) => c.bin))).toEqual(new Set(["terraform"]));
    const viaEnv = await cli(["plan", "--env", "dev", "--no-synth", "--stack", "dev-us-east-1-network-vpc"], { env: { INFRA_TF_BINARY: "terraform" } });
    expect(new Set(viaEnv.calls.map((c) => c.bin))).toEqual(new Set(["terraform"]));
  });

  it("lock writes one lock file for every platform from the providers the stacks require", async () => {
    const file = join(out, "lock", "tofu.terraform.lock.hcl");
    const r = await cli(["lock", "--out", file]);
    expect(r.code).toBe(0);
    expect(r.calls.map((c) => c.argv)).toEqual([
      ["providers", "lock", "-platform=linux_amd64", "-platform=linux_arm64", "-platform=darwin_amd64", "-platform=darwin_arm64"],
    ]);
    expect(readFileSync(file, "utf8")).toContain("-platform=darwin_arm64");
    expect(r.stdout).toContain("(aws; linux_amd64, linux_arm64, darwin_amd64, darwin_arm64): commit it");
  });

  it("refuses a binary older than the root config's required_version, in one line", async () => {
    const r = await cli(["plan", "--env", "dev", "--no-synth"], { env: { STANDIN_VERSION_TEXT: "Terraform v1.9.8\non linux_amd64\n" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'Terraform 1.9.8 (tofu) does not satisfy required_version ">= 1.11.0" (environments/root.ts terraformVersion): install a newer one or choose another with --binary.\n',
    );
    expect(r.calls).toEqual([]);
    const missing = await cli(["plan", "--env", "dev", "--no-synth", "--binary", "no-such-tofu"]);
    expect(missing.stderr).toBe(
      "no-such-tofu: not found on PATH. Install OpenTofu or Terraform (>= 1.11.0), or name one with --binary <path> or INFRA_TF_BINARY.\n",
    );
  });

  it("output and state pull print only Terraform's answer on stdout (init goes to stderr), without the lock", () => {
    tf.reset();
    // Through the real entry point, so stdout is the process's own.
    const run = (args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, "apps/ops/scripts/run.cjs"), ...args], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, ...BASE_ENV, INFRA_TF_BINARY: "tofu" },
      });
    const output = run(["output", "--env", "dev", "--stack", "dev-us-east-1-network-vpc"]);
    expect(output.status).toBe(0);
    expect(JSON.parse(output.stdout)).toEqual({ vpc_id: { sensitive: false, type: "string", value: "vpc-0123" } });
    expect(output.stderr).toContain("OpenTofu has been successfully initialized!");
    const pull = run(["state", "--env", "dev", "--stack", "dev-us-east-1-network-vpc", "pull"]);
    expect(JSON.parse(pull.stdout)).toEqual({ version: 4, serial: 7 });
    const calls = tf.calls().filter((c) => c.argv[0] !== "version");
    expect(calls.at(-1)!.argv).toEqual(["state", "pull"]);
    expect(calls.filter((c) => c.argv[0] === "init").every((c) => c.argv.includes("-lock=false"))).toBe(true);
  });
});

describe("usage mistakes: one line, a suggestion, no stack trace", () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, "apps/ops/scripts/run.cjs"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ...BASE_ENV, INFRA_TF_BINARY: "tofu" },
    });

  it.each([
    [["plan", "--env", "dev", "--stak", "x"], "unknown option --stak; did you mean --stack? (infra --help lists them)"],
    [["plann", "--env", "dev"], 'unknown command "plann"; did you mean "plan"? (infra --help lists them)'],
    [["plan", "--env", "dve"], 'unknown env "dve"; must be one of dev | staging | uat | prod'],
    [
      ["plan", "--env", "dev", "--no-synth", "--stack", "network-vpc"],
      'no stack "network-vpc" in dev; did you mean "dev-us-east-1-network-vpc"? (list them: infra stacks --env dev)',
    ],
    [["plan", "--env", "dev", "--workload", "timelin"], '--workload "timelin": dev runs account, platform, aerologue, timeline; did you mean "timeline"?'],
    [["state", "--env", "dev", "--stack", "dev-us-east-1-network-vpc", "lst"], 'state needs a subcommand: list | show <address> | pull; got "lst"'],
    [["state", "--env", "dev", "list"], "state needs --stack <name>: state belongs to one stack"],
    [["deploy", "--env", "dev", "--drift"], "deploy does not take --drift"],
    [["plan", "--env"], "--env needs a value"],
    [["plan", "--env", "dev", "--parallelism", "0"], '--parallelism must be a whole number from 1 to 64, got "0"'],
  ])("%j", async (args, message) => {
    // In-process: the same runCli the entry point calls (a spawned CLI costs ~1 s of CPU per case).
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${message}\n`);
    expect(r.calls).toEqual([]);
  });

  it("through the real entry point: exit status 2 and the one line on stderr, nothing else", () => {
    const r = run(["plann", "--env", "dev"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe('unknown command "plann"; did you mean "plan"? (infra --help lists them)\n');
  });

  it("a missing synth says to run synth first", async () => {
    const empty = mkdtempSync(join(tmpdir(), "infra-empty-"));
    const r = await cli(["plan", "--env", "dev", "--no-synth"], { env: { INFRA_OUT_ROOT: empty } });
    expect(r.code).toBe(1);
    const more = resolved("dev").deployments.length - 5;
    expect(r.stderr).toMatch(
      new RegExp(
        `^not synthesized: dev-us-east-1-account-foundation, .* and ${more} more \\(no cdk\\.tf\\.json under \\S+\\); run synth first \\(infra synth --env dev\\) or drop --no-synth\n$`,
      ),
    );
    const state = await cli(["state", "--env", "dev", "--stack", "dev-us-east-1-network-vpc", "list"], { env: { INFRA_OUT_ROOT: empty } });
    expect(state.stderr).toMatch(/is not synthesized: run synth first \(infra synth --env dev\)\n$/);
  });
});

describe("stacks", () => {
  it("lists deploy order with s3:// state locations and dependency levels", async () => {
    const { stdout } = await cli(["stacks", "--env", "prod"]);
    expect(stdout).toContain("s3://acme-infra-tfstate-444444444444/prod/us-east-1/network/vpc/terraform.tfstate");
    const rds = stdout.indexOf("prod-us-east-1-data-rds\n");
    expect(stdout.slice(rds).split("\n")[2]).toMatch(/^ {4}after: .*prod-us-east-1-network-vpc/);
    expect(stdout.indexOf("prod-us-east-1-network-vpc\n")).toBeLessThan(rds);
    const json = JSON.parse((await cli(["stacks", "--env", "dev", "--json", "--workload", "timeline"])).stdout) as {
      stack: string;
      level: number;
      dependsOn: string[];
    }[];
    expect(json.every((s) => s.stack.startsWith("dev-us-east-1-timeline-"))).toBe(true);
    // Level 1: every key waits for the account foundation (its service-linked roles are key policy principals).
    expect(json.find((s) => s.stack === "dev-us-east-1-timeline-security-kms")!.level).toBe(1);
  });
});
