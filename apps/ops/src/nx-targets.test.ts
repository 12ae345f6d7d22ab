import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { NX_ENV, type NxTargets, workspaceGraph } from "./testing/nx";
import { standIn } from "./testing/standin";

/** The Nx wiring of the Terraform targets, checked with the real nx of this repo. */

const ROOT = resolve(__dirname, "..", "..", "..");
function nx(args: string[], env: NodeJS.ProcessEnv = NX_ENV) {
  return spawnSync("npx", ["nx", ...args], { cwd: ROOT, env, encoding: "utf8" });
}

/** A project's resolved targets, from the one `nx graph --file` of the workspace the tests share. */
function project(name: string): { targets: NxTargets } {
  const node = workspaceGraph().nodes[name];
  if (!node) throw new Error(`no Nx project ${name}`);
  return { targets: node.data.targets };
}

describe("Nx targets", () => {
  it.each(["dev", "staging", "uat", "prod", "bootstrap"])(
    "%s:synth caches the synthesized JSON only: .terraform/ and plan files never enter the cache",
    (name) => {
      const p = project(name);
      expect(p.targets["synth"]!.outputs).toEqual([
        "{projectRoot}/cdktf.out/manifest.json",
        "{projectRoot}/cdktf.out/prerequisites.json",
        "{projectRoot}/cdktf.out/stacks/*/cdk.tf.json",
      ]);
    },
  );

  it("the bootstrap backend choice (BOOTSTRAP_BACKEND) is part of bootstrap:synth's cache key", () => {
    expect(project("bootstrap").targets["synth"]!.inputs).toContainEqual({ env: "BOOTSTRAP_BACKEND" });
  });

  it("env plan/diff/deploy/destroy depend on the cached synth and do not synthesize again", () => {
    const p = project("prod");
    for (const t of ["plan", "diff", "deploy", "destroy"]) {
      expect(p.targets[t]!.dependsOn).toEqual(["synth"]);
      expect(p.targets[t]!.options?.command).toBe(`node apps/ops/scripts/run.cjs ${t} --env prod --no-synth`);
    }
  });

  it("targets come from nx.json targetDefaults: test runs vitest on exactly the project's folder, typecheck once for the workspace", () => {
    expect(project("rds").targets["test"]!.options?.command).toBe("node tools/nx/vitest-project.mjs libs/rds");
    expect(project("rds").targets["lint"]!.options?.command).toBe("eslint libs/rds");
    expect(project("rds").targets["typecheck"]).toBeUndefined();
    expect(project("workspace").targets["typecheck"]!.options?.command).toBe(
      "node node_modules/typescript-native/bin/tsc -p tsconfig.base.json --singleThreaded",
    );
    expect(project("staging").targets["graph"]!.options?.command).toBe("node apps/ops/scripts/run.cjs graph --env staging --out docs/graphs/staging.svg");
  });

  it("a project's test target runs its own test files: not none (a config include that --dir cannot match passed every target empty)", () => {
    const out = join(ROOT, "node_modules", ".cache", "nx-targets-iam.json");
    const command = `${project("iam").targets["test"]!.options!.command} --reporter=json --outputFile=${out}`;
    const run = spawnSync("bash", ["-c", command], { cwd: ROOT, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, "utf8")) as { numTotalTests: number; testResults: { name: string }[] };
    rmSync(out, { force: true });
    expect(report.testResults.map((r) => r.name.slice(ROOT.length + 1))).toEqual(["libs/iam/src/iam.test.ts"]);
    expect(report.numTotalTests).toBeGreaterThan(0);
  });

  it("the workspace typecheck is affected by a change in any project", () => {
    const r = nx(["show", "projects", "--affected", "--files=libs/vpc/src/vpc.ts", "--json"]);
    expect(JSON.parse(r.stdout.slice(r.stdout.indexOf("[")))).toContain("workspace");
  });

  it("nx run bootstrap:plan:dev plans bootstrap-dev (Nx's own --env option would clash: `env` is run-commands' env-var map)", () => {
    const tf = standIn(["tofu"]);
    const dir = join(ROOT, "apps/bootstrap/cdktf.out/stacks/bootstrap-dev");
    try {
      const r = nx(["run", "bootstrap:plan:dev"], { ...NX_ENV, ...tf.env, INFRA_TF_BINARY: "tofu", INFRA_PLUGIN_CACHE_DIR: join(tf.bin, "..", "plugins") });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(
        tf
          .calls()
          .filter((c) => c.argv[0] !== "version")
          .map((c) => [c.stack, c.argv[0]]),
      ).toEqual([
        ["bootstrap-dev", "init"],
        ["bootstrap-dev", "plan"],
        ["bootstrap-dev", "show"],
      ]);
      const clash = nx(["run", "bootstrap:plan", "--env=dev"]);
      expect(clash.status).not.toBe(0);
      expect(clash.stdout + clash.stderr).toContain("Property 'env' does not match the schema. 'dev' should be a 'object'.");
    } finally {
      rmSync(join(dir, ".terraform"), { recursive: true, force: true });
      rmSync(join(dir, ".terraform.lock.hcl"), { force: true });
      rmSync(join(ROOT, "apps/bootstrap/tfrun"), { recursive: true, force: true });
    }
  }, 120_000);
});
