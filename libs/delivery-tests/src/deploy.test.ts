import { describe, expect, it } from "vitest";
import { environmentOf, expandedSteps, loadWorkflow, needsOf, type Job } from "./workflows";

const wf = loadWorkflow("deploy.yml");
const ENVS = ["dev", "staging", "uat", "prod"];

/** Orders jobs by their `needs` (Kahn); throws on a cycle. */
function topoOrder(jobs: Record<string, Job>): string[] {
  const left = new Map(Object.entries(jobs).map(([id, job]) => [id, new Set(needsOf(job))]));
  const order: string[] = [];
  while (left.size) {
    const ready = [...left].filter(([, deps]) => deps.size === 0).map(([id]) => id);
    if (!ready.length) throw new Error(`cycle among ${[...left.keys()].join(", ")}`);
    if (ready.length > 1) throw new Error(`jobs ${ready.join(", ")} would run in parallel`);
    order.push(ready[0]!);
    left.delete(ready[0]!);
    left.forEach((deps) => deps.delete(ready[0]!));
  }
  return order;
}

describe("deploy.yml", () => {
  it("runs on pushes to main (and by hand), not for docs-only changes", () => {
    expect(Object.keys(wf.on).sort()).toEqual(["push", "workflow_dispatch"]);
    expect(wf.on.push).toMatchObject({ branches: ["main"], "paths-ignore": expect.arrayContaining(["docs/**"]) });
  });

  it("applies dev, staging, uat, prod strictly one after another, each apply needing the previous one", () => {
    expect(topoOrder(wf.jobs)).toEqual(["dev", "staging-approval", "staging", "uat", "prod-manager-approval", "prod"]);
    expect(needsOf(wf.jobs.dev!)).toEqual([]);
    expect(needsOf(wf.jobs.staging!)).toEqual(["dev", "staging-approval"]);
    expect(needsOf(wf.jobs.uat!)).toEqual(["staging"]);
    expect(needsOf(wf.jobs.prod!)).toEqual(["uat", "prod-manager-approval"]);
  });

  it("stops at the first failure: no job overrides the default success() condition of its needs", () => {
    for (const [id, job] of Object.entries(wf.jobs)) {
      if (id !== "dev") expect(job.if, id).toBeUndefined();
      for (const step of job.steps ?? []) expect(step["continue-on-error"]).toBeUndefined();
    }
    expect(wf.jobs.dev!.if).toBe("github.ref == 'refs/heads/main'");
  });

  it("binds each apply job to the GitHub Environment of the same name (where reviewers gate it)", () => {
    for (const env of ENVS) expect(environmentOf(wf.jobs[env]!)).toBe(env);
  });

  it("adds a second approval gate, without credentials, where one approval is not enough", () => {
    // GitHub lets ANY ONE required reviewer approve an environment: two people need two environments.
    const gates = Object.entries(wf.jobs).filter(([id]) => !ENVS.includes(id));
    expect(gates.map(([id, job]) => [id, environmentOf(job)])).toEqual([
      ["staging-approval", "staging-approval"],
      ["prod-manager-approval", "prod-manager-approval"],
    ]);
    for (const [, job] of gates) {
      expect(job.permissions).toEqual({});
      expect((job.steps ?? []).every((s) => s.uses === undefined && s.run?.startsWith("echo "))).toBe(true);
    }
  });

  it("synthesizes and applies exactly its own env", () => {
    for (const env of ENVS) {
      const runs = (wf.jobs[env]!.steps ?? []).map((s) => s.run?.trim()).filter(Boolean);
      expect(runs).toEqual([`npx nx run ${env}:synth`, `npm run -s infra -- deploy --env ${env} --auto-approve --no-synth`]);
    }
  });

  it("uses the env's deploy role, and the separate prod deploy role for prod", () => {
    const role = (env: string) => (wf.jobs[env]!.steps ?? []).find((s) => s.uses === "./.github/actions/terraform-env")?.with?.["role-to-assume"];
    for (const env of ["dev", "staging", "uat"]) expect(role(env)).toBe("${{ vars.AWS_DEPLOY_ROLE_ARN }}");
    expect(role("prod")).toBe("${{ vars.AWS_PROD_DEPLOY_ROLE_ARN }}");
    for (const env of ENVS) expect(JSON.stringify(expandedSteps(wf.jobs[env]!))).not.toContain("AWS_PLAN_ROLE_ARN");
  });

  it("never runs two deploys at once and never cancels one half-way", () => {
    expect(wf.concurrency).toEqual({ group: "deploy-${{ github.repository }}", "cancel-in-progress": false });
  });

  it("detects a broken chain (the checker itself)", () => {
    expect(() => topoOrder({ a: {}, b: {} })).toThrow("jobs a, b would run in parallel");
    expect(() => topoOrder({ a: { needs: "b" }, b: { needs: ["a"] } })).toThrow("cycle among a, b");
  });
});
