import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS_DIR, actionFiles, allUses, expandedSteps, loadAction, loadWorkflow, workflowFiles, workflowText, type Job } from "./workflows";

/** Rules every workflow follows: SHA-pinned actions, OIDC only, least privilege, OpenTofu >= 1.11, caches. */

const AWS_ACTION = /^aws-actions\/configure-aws-credentials@/;
const ALLOWED_JOB_PERMISSIONS: Record<string, string> = {
  contents: "read",
  "id-token": "write",
  "pull-requests": "write",
  issues: "write",
  deployments: "read",
};
const jobs = workflowFiles().flatMap((file) => Object.entries(loadWorkflow(file).jobs).map(([id, job]) => ({ file, id, job })));
const usesAws = (job: Job) => expandedSteps(job).some((s) => AWS_ACTION.test(s.uses ?? ""));
const tfSetup = (job: Job) => (job.steps ?? []).find((s) => s.uses === "./.github/actions/terraform-env");

function versionAtLeast(version: string, min: [number, number]): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > min[0] || (major === min[0] && minor >= min[1]);
}

/** Texts of the workflows and composite actions, for line-level checks (comments included). */
const texts = [
  ...workflowFiles().map((f) => ({ file: f, text: workflowText(f) })),
  ...actionFiles().map((f) => ({ file: f, text: readFileSync(join(ACTIONS_DIR, f), "utf8") })),
];

describe("all workflows", () => {
  it("exist: pr, deploy, drift", () => {
    expect(workflowFiles()).toEqual(["deploy.yml", "drift.yml", "pr.yml"]);
  });

  it("pin every external action to a full commit SHA, with the version it is in a comment", () => {
    const refs = allUses();
    expect(refs.length).toBeGreaterThan(10);
    const external = refs.filter(({ uses }) => !uses.startsWith("./"));
    expect(external.filter(({ uses }) => !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(uses))).toEqual([]);
    for (const { file, text } of texts) {
      for (const line of text.split("\n").filter((l) => /uses: [^.]/.test(l))) {
        expect(line, file).toMatch(/uses: [\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
      }
    }
    // One SHA per action: the same action is never pinned to two commits.
    const shaOf = new Map<string, Set<string>>();
    for (const { uses } of external) {
      const [name, sha] = uses.split("@") as [string, string];
      shaOf.set(name, (shaOf.get(name) ?? new Set()).add(sha));
    }
    expect([...shaOf].filter(([, shas]) => shas.size > 1)).toEqual([]);
  });

  it("use no stored AWS keys and no secrets at all (AWS access is OIDC only)", () => {
    for (const { text } of texts) {
      expect(text).not.toMatch(/AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|aws-access-key-id|aws-secret-access-key/i);
      expect(text).not.toMatch(/secrets\./);
    }
  });

  it("grant only `contents: read` at the top level", () => {
    for (const file of workflowFiles()) expect(loadWorkflow(file).permissions, file).toEqual({ contents: "read" });
  });

  it.each(jobs.map((j) => [`${j.file}#${j.id}`, j.job] as const))("%s declares narrow permissions of its own", (_name, job) => {
    expect(typeof job.permissions).toBe("object");
    for (const [scope, level] of Object.entries(job.permissions as Record<string, string>)) {
      expect(ALLOWED_JOB_PERMISSIONS[scope], `${scope}: ${level}`).toBe(level);
    }
  });

  it.each(jobs.map((j) => [`${j.file}#${j.id}`, j.job] as const))("%s asks for id-token: write exactly when it assumes an AWS role", (_name, job) => {
    const perms = job.permissions as Record<string, string>;
    expect(perms["id-token"] === "write").toBe(usesAws(job));
  });

  it("assume AWS roles only through OIDC with a role ARN from a GitHub variable", () => {
    const roleInputs = jobs.filter((j) => usesAws(j.job)).map((j) => String(tfSetup(j.job)?.with?.["role-to-assume"]));
    // PR plan (matrix), 4 deploy plans, 4 applies, drift (matrix)
    expect(roleInputs).toHaveLength(10);
    for (const role of roleInputs) expect(role).toMatch(/^\$\{\{ vars(\.[A-Z_]+|\[format\('AWS_PLAN_ROLE_ARN_\{0\}', matrix\.key\)\]) \}\}$/);
    const awsStep = loadAction("terraform-env/action.yml").runs.steps.find((s) => AWS_ACTION.test(s.uses ?? ""));
    expect(Object.keys(awsStep?.with ?? {}).sort()).toEqual(["aws-region", "role-duration-seconds", "role-session-name", "role-to-assume"]);
    expect(awsStep?.with?.["role-duration-seconds"]).toBe("${{ inputs.role-duration-seconds }}");
  });

  it.each(jobs.filter((j) => usesAws(j.job)).map((j) => [`${j.file}#${j.id}`, j.job] as const))(
    "%s holds credentials as long as it may run (timeout <= session), within its role's maximum (plan 1 h, deploy 2 h)",
    (_name, job) => {
      const seconds = Number(tfSetup(job)?.with?.["role-duration-seconds"]);
      const deployRole = /DEPLOY_ROLE_ARN/.test(String(tfSetup(job)?.with?.["role-to-assume"]));
      expect(seconds).toBe(deployRole ? 7200 : 3600);
      expect(job["timeout-minutes"]).toBeDefined();
      expect(job["timeout-minutes"]! * 60).toBeLessThanOrEqual(seconds);
      expect(job["timeout-minutes"]! * 60).toBeGreaterThanOrEqual(seconds - 600);
    },
  );

  it("install OpenTofu >= 1.11 (or Terraform >= 1.11: write-only arguments) without a wrapper, so exit codes and stdout stay the binary's", () => {
    const action = loadAction("terraform-env/action.yml");
    const tofu = action.runs.steps.find((s) => s.uses?.startsWith("opentofu/setup-opentofu@"));
    expect(tofu?.with).toEqual({ tofu_version: "${{ inputs.tofu-version }}", tofu_wrapper: false });
    expect(tofu?.if).toBe("inputs.binary == 'tofu'");
    const tf = action.runs.steps.find((s) => s.uses?.startsWith("hashicorp/setup-terraform@"));
    expect(tf?.with).toEqual({ terraform_version: "${{ inputs.terraform-version }}", terraform_wrapper: false });
    expect(action.inputs?.["binary"]?.default).toBe("tofu");
    for (const input of ["tofu-version", "terraform-version"]) {
      const version = action.inputs?.[input]?.default ?? "";
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(versionAtLeast(version, [1, 11])).toBe(true);
    }
    for (const { job } of jobs.filter((j) => usesAws(j.job))) {
      expect(tfSetup(job)?.with?.["tofu-version"]).toBeUndefined();
      expect(tfSetup(job)?.with?.["binary"]).toBeUndefined();
    }
  });

  it("keep one provider plugin cache per job and restore it between runs, keyed by the lock files and the provider pin", () => {
    const steps = loadAction("terraform-env/action.yml").runs.steps;
    const env = steps.find((s) => s.run?.includes("INFRA_PLUGIN_CACHE_DIR"))?.run ?? "";
    expect(env).toContain('echo "INFRA_PLUGIN_CACHE_DIR=$HOME/.cache/infra-plugins" >> "$GITHUB_ENV"');
    expect(env).toContain('echo "INFRA_TF_BINARY=$BINARY" >> "$GITHUB_ENV"');
    const cache = steps.find((s) => s.uses?.startsWith("actions/cache@") && String(s.with?.path).includes("infra-plugins"));
    expect(cache?.with).toEqual({
      path: "~/.cache/infra-plugins",
      key: "infra-plugins-${{ runner.os }}-${{ inputs.binary }}-${{ hashFiles('environments/providers/*.hcl', 'environments/root.ts') }}",
      "restore-keys": "infra-plugins-${{ runner.os }}-${{ inputs.binary }}-\n",
    });
  });

  it("set up Node 20 with the npm cache, npm ci and the Nx cache kept between runs (every job that runs repo code)", () => {
    const runsCode = jobs.filter(({ job }) => (job.steps ?? []).some((s) => s.uses?.startsWith("actions/checkout@")));
    // verify, plan (PR); validate, 4 plans, 4 applies, staging's integration tests (deploy); drift
    expect(runsCode).toHaveLength(13);
    for (const { file, id, job } of runsCode) {
      const steps = expandedSteps(job);
      expect(steps.find((s) => s.uses?.startsWith("actions/setup-node@"))?.with, `${file}#${id}`).toEqual({ "node-version": 20, cache: "npm" });
      expect(steps.some((s) => s.run?.trim() === "npm ci")).toBe(true);
      const nx = steps.find((s) => s.uses?.startsWith("actions/cache@") && String(s.with?.path).includes(".nx/cache"));
      expect(nx?.with?.path).toBe(".nx/cache\n.nx/workspace-data\n");
      expect(nx?.with?.key).toBe("nx-${{ runner.os }}-${{ hashFiles('package-lock.json') }}-${{ github.sha }}");
    }
    // Nx keeps its cache database next to the outputs only when told where: both are cached together.
    for (const file of workflowFiles()) {
      expect(loadWorkflow(file).env).toMatchObject({ NX_CACHE_DIRECTORY: ".nx/cache", NX_WORKSPACE_DATA_DIRECTORY: ".nx/workspace-data" });
    }
  });

  it("re-upload artifacts with overwrite (a re-run job must not fail on its own earlier upload)", () => {
    const uploads = jobs.flatMap(({ job }) => (job.steps ?? []).filter((s) => s.uses?.startsWith("actions/upload-artifact@")));
    expect(uploads.length).toBeGreaterThanOrEqual(4);
    for (const u of uploads) expect(u.with?.overwrite).toBe(true);
  });
});
