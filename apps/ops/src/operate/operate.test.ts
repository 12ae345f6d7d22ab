import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { resolveEnv } from "@infra/config";
import { pruneStaleStacks } from "@infra/workloads";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findEnv } from "../envs";
import { closest } from "../suggest";
import { standIn } from "../testing/standin";
import { chooseBinary, satisfies } from "./binary";
import { countsOf, outputsRead, staleness } from "./plans";
import { runStacks } from "./run-stacks";
import { schedule } from "./scheduler";
import { levels, selectDeployments, waitsFor, NO_FILTER } from "./selection";
import { backendChange, sha256 } from "./workdir";

describe("version constraints (required_version)", () => {
  it.each([
    ["1.10.0", ">= 1.10.0", true],
    ["1.9.8", ">= 1.10.0", false],
    ["1.12.6", ">= 1.10, < 2.0.0", true],
    ["2.0.0", ">= 1.10, < 2.0.0", false],
    ["1.11.4", "~> 1.10", true],
    ["2.1.0", "~> 1.10", false],
    ["1.10.9", "~> 1.10.2", true],
    ["1.11.0", "~> 1.10.2", false],
    ["1.10.0", "!= 1.10.0", false],
    ["1.11.0-beta1", "= 1.11.0", true],
  ])("%s against %s: %s", (version, constraint, ok) => {
    expect(satisfies(version, constraint)).toBe(ok);
  });
});

describe("which CLI a run uses", () => {
  const dir = mkdtempSync(join(tmpdir(), "bin-"));
  const exe = (name: string) => {
    const file = join(dir, name);
    writeFileSync(file, "#!/bin/sh\n");
    chmodSync(file, 0o755);
    return file;
  };
  const built = exe("built-tofu");
  it("--binary, then $INFRA_TF_BINARY, then tofu on PATH, then the toolchain's build, then terraform", () => {
    expect(chooseBinary("terraform", { INFRA_TF_BINARY: "x", PATH: dir }, built)).toBe("terraform");
    expect(chooseBinary(undefined, { INFRA_TF_BINARY: "x", PATH: dir }, built)).toBe("x");
    expect(chooseBinary(undefined, { PATH: dir }, built)).toBe(built);
    expect(chooseBinary(undefined, { PATH: dir }, join(dir, "never-built"))).toBe("terraform");
    exe("tofu");
    expect(chooseBinary(undefined, { PATH: dir }, built)).toBe("tofu");
  });
});

describe("did you mean", () => {
  it("finds a unique suffix, then the nearest name within a few edits", () => {
    expect(closest("network-vpc", ["dev-us-east-1-network-vpc", "dev-us-east-1-data-rds"])).toBe("dev-us-east-1-network-vpc");
    expect(closest("stak", ["stack", "state", "env"])).toBe("stack");
    expect(closest("zzzzzz", ["stack", "state"])).toBeUndefined();
  });
});

describe("selection and dependency levels", () => {
  const prod = resolveEnv(root, findEnv("prod"), WORKLOADS);
  it("levels: a stack is one deeper than its deepest dependency; prod has 9 levels", () => {
    const order = prod.deployments.map((d) => d.stackName);
    const waits = waitsFor(prod, prod.deployments, false);
    const level = levels(order, waits);
    for (const [stack, deps] of waits) expect(level.get(stack)).toBe(deps.length ? Math.max(...deps.map((d) => level.get(d)!)) + 1 : 0);
    expect(Math.max(...level.values())).toBe(8);
  });
  it("with-dependencies and with-dependents are transitive closures", () => {
    const one = { ...NO_FILTER, stacks: ["prod-us-east-1-data-rds"] };
    const deps = selectDeployments(prod, { ...one, withDependencies: true }).map((d) => d.stackName);
    // The eu-west-1 keys encrypt the master secret's DR replica (ADR 0090).
    expect(deps).toEqual([
      "prod-us-east-1-account-foundation",
      "prod-us-east-1-security-kms",
      "prod-us-east-1-network-vpc",
      "prod-us-east-1-services-ecs-cluster",
      "prod-eu-west-1-security-kms",
      "prod-us-east-1-data-rds",
    ]);
    const dependents = selectDeployments(prod, { ...NO_FILTER, stacks: ["prod-us-east-1-security-kms"], withDependents: true });
    expect(dependents.every((d) => d.stackName === "prod-us-east-1-security-kms" || Object.values(d.dependencies).length > 0)).toBe(true);
    expect(dependents.map((d) => d.stackName)).toContain("prod-us-east-1-data-rds");
  });
});

describe("scheduler", () => {
  const waits = new Map([
    ["a", []],
    ["b", ["a"]],
    ["c", ["b"]],
    ["d", []],
    ["e", ["d"]],
  ]);
  it("skips every transitive dependent of a failure and runs the rest", async () => {
    const ran: string[] = [];
    const outcomes = await schedule({
      order: ["a", "b", "c", "d", "e"],
      waitsFor: waits,
      parallelism: 2,
      run: async (s) => {
        ran.push(s);
        return { ok: s !== "a", result: s };
      },
    });
    expect(ran.sort()).toEqual(["a", "d", "e"]);
    expect(outcomes.get("b")).toEqual({ status: "skipped", reason: "failed dependency a" });
    expect(outcomes.get("c")).toEqual({ status: "skipped", reason: "skipped dependency b" });
    expect(outcomes.get("e")?.status).toBe("done");
  });
  it("never runs more than the parallelism, and starts a stack only after its dependencies", async () => {
    let running = 0;
    let peak = 0;
    const finished = new Set<string>();
    await schedule({
      order: ["a", "b", "c", "d", "e"],
      waitsFor: waits,
      parallelism: 2,
      run: async (s) => {
        for (const dep of waits.get(s)!) expect(finished.has(dep)).toBe(true);
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, 10));
        running--;
        finished.add(s);
        return { ok: true, result: s };
      },
    });
    expect(peak).toBe(2);
  });
  it("a precheck refusal skips the stack and its dependents", async () => {
    const outcomes = await schedule({
      order: ["a", "b", "c"],
      waitsFor: waits,
      parallelism: 1,
      run: async (s) => ({ ok: true, result: s }),
      precheck: (s) => (s === "b" ? "plan again" : undefined),
    });
    expect([...outcomes.values()].map((o) => o.status)).toEqual(["done", "skipped", "skipped"]);
  });
});

describe("saved plans", () => {
  it("counts like Terraform's summary line (a replacement adds and destroys) and lists changed outputs", () => {
    const plan = JSON.stringify({
      format_version: "1.2",
      resource_changes: [
        { change: { actions: ["create"] } },
        { change: { actions: ["delete", "create"] } },
        { change: { actions: ["update"] } },
        { change: { actions: ["no-op"] } },
        { change: { actions: ["read"] } },
      ],
      output_changes: { a: { actions: ["update"] }, b: { actions: ["no-op"] }, c: { actions: ["create"] } },
    });
    expect(countsOf(plan)).toEqual({ counts: { add: 2, change: 1, destroy: 1, replace: 1, hasChanges: true }, changedOutputs: ["a", "c"] });
    expect(countsOf(JSON.stringify({ format_version: "1.2", output_changes: { x: { actions: ["no-op"] } } })).counts.hasChanges).toBe(false);
  });
  it("finds the outputs a dependent reads from one dependency", () => {
    const json =
      '"${data.terraform_remote_state.cross-stack-reference-input-dev-x-vpc.outputs.vpc_id}", "${data.terraform_remote_state.cross-stack-reference-input-dev-x-kms.outputs.key}"';
    expect([...outputsRead(json, "dev-x-vpc")]).toEqual(["vpc_id"]);
  });
  it("a plan is stale when its config, file, commit or binary differ", () => {
    const dir = mkdtempSync(join(tmpdir(), "plans-"));
    writeFileSync(join(dir, "s.tfplan"), "plan");
    const record = {
      planFile: "s.tfplan",
      planSha256: sha256("plan"),
      configSha256: "c1",
      commit: "a".repeat(40),
      plannedAt: "t",
      binary: "OpenTofu 1.12.6",
      counts: { add: 1, change: 0, destroy: 0, replace: 0, hasChanges: true },
      changedOutputs: [],
    };
    const now = { configSha256: "c1", commit: "a".repeat(40), binary: "OpenTofu 1.12.6" };
    expect(staleness(dir, record, now)).toBeUndefined();
    expect(staleness(dir, record, { ...now, configSha256: "c2" })).toMatch(/cdk\.tf\.json changed/);
    expect(staleness(dir, record, { ...now, commit: "b".repeat(40) })).toMatch(/planned at commit a{12}, the checkout is at b{12}/);
    expect(staleness(dir, record, { ...now, binary: "Terraform 1.11.4" })).toBe("planned with OpenTofu 1.12.6, applying with Terraform 1.11.4");
    writeFileSync(join(dir, "s.tfplan"), "other");
    expect(staleness(dir, record, now)).toBe("plan file s.tfplan changed after it was recorded");
    expect(staleness(dir, undefined, now)).toBe("no saved plan (run plan first)");
  });
});

describe("working directories", () => {
  it("a backend change names the setting; settings the config does not name are ignored", () => {
    const desired = { type: "s3", config: { bucket: "b", key: "k2" } };
    expect(backendChange(desired, { type: "s3", config: { bucket: "b", key: "k2", profile: null } })).toBeUndefined();
    expect(backendChange(desired, { type: "s3", config: { bucket: "b", key: "k1" } })).toBe('s3 key "k1" → "k2"');
    expect(backendChange(desired, { type: "local", config: {} })).toBe("backend local → s3");
  });

  it("a committed lock file is copied into every stack and verified with -lockfile=readonly", async () => {
    const tf = standIn(["tofu"]);
    const stacks = mkdtempSync(join(tmpdir(), "stacks-"));
    for (const s of ["one", "two"]) {
      mkdirSync(join(stacks, s));
      writeFileSync(
        join(stacks, s, "cdk.tf.json"),
        JSON.stringify({ terraform: { backend: { local: { path: `${s}.tfstate` } }, required_providers: { aws: { version: "6.25.0" } } } }),
      );
    }
    const io = { stdout: () => undefined, stderr: () => undefined, ask: async () => undefined, env: { ...process.env, ...tf.env } };
    const { code } = await runStacks(
      {
        env: "test",
        stacksDir: stacks,
        order: ["one", "two"],
        waitsFor: new Map(),
        action: { kind: "plan", save: true, drift: false, lock: true },
        binary: { command: join(tf.bin, "tofu"), flavor: "tofu", version: "1.12.6", label: "OpenTofu 1.12.6" },
        parallelism: 2,
        pluginCache: join(stacks, "..", "plugins"),
        planDir: join(stacks, "..", "plans-test"),
        logDir: join(stacks, "..", "logs-test"),
        autoApprove: false,
        committedLock: "# committed\n",
        commit: undefined,
        json: true,
      },
      io,
    );
    expect(code).toBe(0);
    const inits = tf.calls().filter((c) => c.argv[0] === "init");
    expect(inits.map((c) => c.argv.includes("-lockfile=readonly"))).toEqual([true, true]);
    for (const s of ["one", "two"]) expect(readFileSync(join(stacks, s, ".terraform.lock.hcl"), "utf8")).toBe("# committed\n");
  });

  it("synth removes stack folders of deployments that are gone, and says where their state was", () => {
    const out = mkdtempSync(join(tmpdir(), "prune-"));
    for (const s of ["dev-keep", "dev-gone"]) mkdirSync(join(out, "stacks", s), { recursive: true });
    writeFileSync(join(out, "stacks", "dev-gone", "cdk.tf.json"), JSON.stringify({ terraform: { backend: { s3: { bucket: "b", key: "dev/gone.tfstate" } } } }));
    expect(pruneStaleStacks(out, ["dev-keep"])).toEqual([{ stack: "dev-gone", state: "s3://b/dev/gone.tfstate" }]);
    expect(readdirSync(join(out, "stacks"))).toEqual(["dev-keep"]);
  });
});
