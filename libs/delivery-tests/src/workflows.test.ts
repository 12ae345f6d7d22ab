import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS_DIR, actionFiles, allUses, expandedSteps, loadAction, loadWorkflow, workflowFiles, workflowText, type Job } from "./workflows";

/** Rules every workflow follows: pinned actions, OIDC only, least privilege, Terraform >= 1.11. */

const AWS_ACTION = /^aws-actions\/configure-aws-credentials@/;
const ALLOWED_JOB_PERMISSIONS: Record<string, string> = { contents: "read", "id-token": "write", "pull-requests": "write", issues: "write" };

const jobs = workflowFiles().flatMap((file) => Object.entries(loadWorkflow(file).jobs).map(([id, job]) => ({ file, id, job })));
const usesAws = (job: Job) => expandedSteps(job).some((s) => AWS_ACTION.test(s.uses ?? ""));

function versionAtLeast(version: string, min: [number, number]): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > min[0] || (major === min[0] && minor >= min[1]);
}

describe("all workflows", () => {
  it("exist: pr, deploy, drift", () => {
    expect(workflowFiles()).toEqual(["deploy.yml", "drift.yml", "pr.yml"]);
  });

  it("pin every external action to a major version tag or a commit SHA", () => {
    const refs = allUses();
    expect(refs.length).toBeGreaterThan(10);
    const unpinned = refs.filter(({ uses }) => !uses.startsWith("./") && !/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/.test(uses));
    expect(unpinned).toEqual([]);
  });

  it("use no stored AWS keys and no secrets at all (AWS access is OIDC only)", () => {
    const texts = [...workflowFiles().map(workflowText), ...actionFiles().map((f) => readFileSync(join(ACTIONS_DIR, f), "utf8"))];
    for (const text of texts) {
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
    const roleInputs = jobs.filter((j) => usesAws(j.job)).flatMap((j) => (j.job.steps ?? []).filter((s) => s.uses?.startsWith("./.github/actions/terraform-env")).map((s) => String(s.with?.["role-to-assume"])));
    expect(roleInputs).toHaveLength(6); // PR plan (matrix), dev, staging, uat, prod, drift (matrix)
    for (const role of roleInputs) expect(role).toMatch(/^\$\{\{ vars(\.[A-Z_]+|\[format\('AWS_PLAN_ROLE_ARN_\{0\}', matrix\.key\)\]) \}\}$/);
    const awsStep = loadAction("terraform-env/action.yml").runs.steps.find((s) => AWS_ACTION.test(s.uses ?? ""));
    expect(Object.keys(awsStep?.with ?? {}).sort()).toEqual(["aws-region", "role-duration-seconds", "role-session-name", "role-to-assume"]);
  });

  it("install Terraform >= 1.11 (write-only arguments) without the wrapper (exit codes and stdout stay Terraform's)", () => {
    const action = loadAction("terraform-env/action.yml");
    const tf = action.runs.steps.find((s) => s.uses?.startsWith("hashicorp/setup-terraform@"));
    expect(tf?.with?.terraform_wrapper).toBe(false);
    expect(tf?.with?.terraform_version).toBe("${{ inputs.terraform-version }}");
    const version = action.inputs?.["terraform-version"]?.default ?? "";
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(versionAtLeast(version, [1, 11])).toBe(true);
    for (const { job } of jobs.filter((j) => usesAws(j.job))) {
      const setup = (job.steps ?? []).find((s) => s.uses?.startsWith("./.github/actions/terraform-env"));
      expect(setup?.with?.["terraform-version"]).toBeUndefined();
    }
  });

  it("set up Node 20 with the npm cache and install with npm ci (every job that runs repo code)", () => {
    const runsCode = jobs.filter(({ job }) => (job.steps ?? []).some((s) => s.uses?.startsWith("actions/checkout@")));
    expect(runsCode).toHaveLength(7); // verify, plan, dev, staging, uat, prod, drift
    for (const { job } of runsCode) {
      const steps = expandedSteps(job);
      const node = steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
      expect(node?.with).toEqual({ "node-version": 20, cache: "npm" });
      expect(steps.some((s) => s.run?.trim() === "npm ci")).toBe(true);
    }
  });
});
