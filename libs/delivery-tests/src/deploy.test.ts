import { describe, expect, it } from "vitest";
import { environmentOf, expandedSteps, loadWorkflow, needsOf, type Job } from "./workflows";

const wf = loadWorkflow("deploy.yml");
const ENVS = ["dev", "staging", "uat", "prod"];
const job = (id: string) => wf.jobs[id]!;
const runs = (j: Job) => (j.steps ?? []).map((s) => s.run?.trim()).filter((r): r is string => !!r);

/** Orders jobs by their `needs` (Kahn); throws on a cycle. Returns the waves of jobs that could run together. */
function waves(jobs: Record<string, Job>): string[][] {
  const left = new Map(Object.entries(jobs).map(([id, j]) => [id, new Set(needsOf(j))]));
  const order: string[][] = [];
  while (left.size) {
    const ready = [...left].filter(([, deps]) => deps.size === 0).map(([id]) => id);
    if (!ready.length) throw new Error(`cycle among ${[...left.keys()].join(", ")}`);
    order.push(ready);
    for (const id of ready) left.delete(id);
    left.forEach((deps) => ready.forEach((r) => deps.delete(r)));
  }
  return order;
}

describe("deploy.yml", () => {
  it("runs on pushes to main (and by hand), not for docs-only changes; only main is ever planned or applied", () => {
    expect(Object.keys(wf.on).sort()).toEqual(["push", "workflow_dispatch"]);
    expect(wf.on.push).toMatchObject({ branches: ["main"], "paths-ignore": expect.arrayContaining(["docs/**"]) });
    expect(job("validate").if).toBe("github.ref == 'refs/heads/main'");
    expect(needsOf(job("plan-dev"))).toEqual(["validate"]);
  });

  it("validates, then plans and applies dev, staging, uat, prod strictly one env after another", () => {
    expect(waves(wf.jobs)).toEqual([
      ["validate"],
      ["plan-dev"],
      ["dev"],
      ["plan-staging"],
      ["staging-approval"],
      ["staging"],
      ["smoke-staging", "plan-uat"],
      ["uat"],
      ["plan-prod"],
      ["prod-manager-approval"],
      ["prod"],
    ]);
    expect(needsOf(job("plan-staging"))).toEqual(["plan-dev", "dev"]);
    expect(needsOf(job("staging"))).toEqual(["plan-staging", "staging-approval"]);
    expect(needsOf(job("prod"))).toEqual(["plan-prod", "prod-manager-approval"]);
  });

  it("runs staging's integration tests (seed 000 ARC-014) after staging and before prod's plan and approval", () => {
    const smoke = job("smoke-staging");
    expect(needsOf(smoke)).toEqual(["plan-staging", "staging"]);
    // After staging applied, or when it had nothing to apply (staging is still what prod becomes).
    expect(smoke.if).toBe(
      "${{ !cancelled() && needs.plan-staging.result == 'success' && (needs.plan-staging.outputs.changes == 'false' || needs.staging.result == 'success') }}",
    );
    expect(runs(smoke)).toEqual(["npm run -s infra -- smoke --env staging"]);
    // Public HTTPS only: no AWS role, no environment, no approval; never under a concurrent staging apply.
    expect(smoke.permissions).toEqual({ contents: "read" });
    expect(smoke.environment).toBeUndefined();
    expect(JSON.stringify(expandedSteps(smoke))).not.toContain("role-to-assume");
    expect(smoke.concurrency).toEqual({ group: "deploy-staging", "cancel-in-progress": false });
    // Prod is not planned (so never approved or applied) unless the tests passed.
    expect(needsOf(job("plan-prod"))).toEqual(["plan-uat", "uat", "smoke-staging"]);
    expect(job("plan-prod").if).toContain("&& needs.smoke-staging.result == 'success' }}");
  });

  it("an env with no changes skips its approval and apply, and the next env is planned after an apply or a no-change plan only", () => {
    for (const env of ENVS) {
      expect(job(env).if).toBe(`needs.plan-${env}.outputs.changes == 'true'`);
      expect(job(`plan-${env}`).outputs).toEqual({ changes: "${{ steps.plan.outputs.changes }}" });
    }
    expect(job("staging-approval").if).toBe("needs.plan-staging.outputs.changes == 'true'");
    expect(job("prod-manager-approval").if).toBe("needs.plan-prod.outputs.changes == 'true'");
    const pairs = [
      ["staging", "dev"],
      ["uat", "staging"],
      ["prod", "uat"],
    ];
    for (const [env, prev] of pairs) {
      // A skipped apply counts only when its plan said "no changes": a rejected approval or a failure stops the chain.
      const gate = env === "prod" ? " && needs.smoke-staging.result == 'success'" : "";
      expect(job(`plan-${env}`).if).toBe(
        `\${{ !cancelled() && needs.plan-${prev}.result == 'success' && (needs.plan-${prev}.outputs.changes == 'false' || needs.${prev}.result == 'success')${gate} }}`,
      );
    }
    // Everything else keeps the default success() condition.
    for (const [id, j] of Object.entries(wf.jobs)) {
      for (const step of j.steps ?? []) expect(step["continue-on-error"], id).toBeUndefined();
    }
  });

  it("the plan job saves plan files and a has-changes output; the apply job applies exactly those files", () => {
    for (const env of ENVS) {
      const plan = job(`plan-${env}`);
      expect(plan.env).toEqual({ DEPLOY_ENV: env });
      const planRun = (plan.steps ?? []).find((s) => s.id === "plan")?.run ?? "";
      expect(planRun).toContain(
        'npm run -s infra -- plan --env "$DEPLOY_ENV" --no-synth --lock-timeout 10m --export-dir "plans/$DEPLOY_ENV" --json > plan-result.json',
      );
      expect(planRun).toContain('echo "changes=$changes" >> "$GITHUB_OUTPUT"');
      expect(planRun).toContain('cat plan-comment.md >> "$GITHUB_STEP_SUMMARY"'); // what the approvers review
      const upload = (plan.steps ?? []).find((s) => s.uses?.startsWith("actions/upload-artifact@"));
      expect(upload?.with).toEqual({
        name: "tfplan-${{ env.DEPLOY_ENV }}",
        path: "apps/${{ env.DEPLOY_ENV }}/tfrun/plans/",
        "retention-days": 1,
        overwrite: true,
      });
      const apply = job(env);
      expect(apply.env).toEqual({ DEPLOY_ENV: env });
      const download = (apply.steps ?? []).find((s) => s.uses?.startsWith("actions/download-artifact@"));
      expect(download?.with).toEqual({ name: "tfplan-${{ env.DEPLOY_ENV }}", path: "apps/${{ env.DEPLOY_ENV }}/tfrun/plans" });
      expect(runs(apply)).toEqual([
        `npx nx run ${env}:synth`,
        'npm run -s infra -- deploy --env "$DEPLOY_ENV" --from-plan --auto-approve --no-synth --lock-timeout 10m',
      ]);
      const order = (apply.steps ?? []).map((s) => s.uses ?? s.run ?? "");
      expect(order.findIndex((s) => s.startsWith("actions/download-artifact@"))).toBeLessThan(order.indexOf(`npx nx run ${env}:synth`));
    }
  });

  it("binds each apply job to the GitHub Environment of the same name; plan jobs need no approval", () => {
    for (const env of ENVS) {
      expect(environmentOf(job(env))).toBe(env);
      expect(job(`plan-${env}`).environment).toBeUndefined();
    }
  });

  it("adds a second approval gate, without credentials, where one approval is not enough", () => {
    const gates = Object.entries(wf.jobs).filter(([id]) => !ENVS.includes(id) && !id.startsWith("plan-") && !["validate", "smoke-staging"].includes(id));
    expect(gates.map(([id, j]) => [id, environmentOf(j)])).toEqual([
      ["staging-approval", "staging-approval"],
      ["prod-manager-approval", "prod-manager-approval"],
    ]);
    for (const [, j] of gates) {
      expect(j.permissions).toEqual({});
      expect((j.steps ?? []).every((s) => s.uses === undefined && s.run?.startsWith("echo "))).toBe(true);
    }
  });

  it("plans with the env's read-only plan role, applies with its deploy role (the separate one for prod)", () => {
    const role = (id: string) => (job(id).steps ?? []).find((s) => s.uses === "./.github/actions/terraform-env")?.with?.["role-to-assume"];
    for (const env of ENVS) expect(role(`plan-${env}`)).toBe(`\${{ vars.AWS_PLAN_ROLE_ARN_${env.toUpperCase()} }}`);
    for (const env of ["dev", "staging", "uat"]) expect(role(env)).toBe("${{ vars.AWS_DEPLOY_ROLE_ARN }}");
    expect(role("prod")).toBe("${{ vars.AWS_PROD_DEPLOY_ROLE_ARN }}");
    for (const env of ENVS) expect(JSON.stringify(expandedSteps(job(env)))).not.toContain("AWS_PLAN_ROLE_ARN");
  });

  it("one concurrency group per env, never cancelled: a run waiting for prod's approval does not hold up the next dev apply", () => {
    expect(wf.concurrency).toBeUndefined();
    for (const env of ENVS) {
      for (const id of [`plan-${env}`, env]) expect(job(id).concurrency, id).toEqual({ group: `deploy-${env}`, "cancel-in-progress": false });
    }
    expect(job("prod").concurrency).not.toEqual(job("dev").concurrency);
  });

  it("validates every stack before the first plan", () => {
    expect(runs(job("validate"))).toEqual(["npm run validate -- --if-toolchain"]);
  });

  it("detects a broken chain (the checker itself)", () => {
    expect(() => waves({ a: { needs: "b" }, b: { needs: ["a"] } })).toThrow("cycle among a, b");
    expect(waves({ a: {}, b: {} })).toEqual([["a", "b"]]);
  });
});
