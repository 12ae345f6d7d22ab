import { describe, expect, it } from "vitest";
import { loadWorkflow, needsOf, type Step } from "./workflows";

const wf = loadWorkflow("pr.yml");
const verify = wf.jobs.verify!;
const plan = wf.jobs.plan!;
const step = (steps: Step[] | undefined, pred: (s: Step) => boolean) => (steps ?? []).find(pred);

describe("pr.yml", () => {
  it("runs on pull_request (never pull_request_target, which would hand PR code the base's credentials)", () => {
    expect(Object.keys(wf.on)).toEqual(["pull_request"]);
    expect(wf.on.pull_request).toEqual({ branches: ["main"] });
  });

  it("cancels superseded runs of the same PR", () => {
    expect(wf.concurrency).toEqual({ group: "pr-${{ github.event.pull_request.number }}", "cancel-in-progress": true });
  });

  it("verifies only what the PR affects, with the full history Nx needs", () => {
    expect(step(verify.steps, (s) => s.uses === "actions/checkout@v4")?.with).toEqual({ "fetch-depth": 0 });
    const uses = (verify.steps ?? []).map((s) => s.uses).filter(Boolean);
    expect(uses).toEqual(["actions/checkout@v4", "actions/setup-node@v4", "nrwl/nx-set-shas@v4"]);
    const runs = (verify.steps ?? []).map((s) => s.run ?? "");
    expect(runs).toContain('npx nx affected -t typecheck lint test synth --base="$NX_BASE" --head="$NX_HEAD"');
    expect(runs.findIndex((r) => r.startsWith("npx nx affected"))).toBeGreaterThan(runs.indexOf("npm ci"));
    expect(verify.permissions).toEqual({ contents: "read" });
  });

  it("computes the affected env apps for the plan matrix", () => {
    const envs = step(verify.steps, (s) => s.id === "envs");
    expect(envs?.run).toContain('npx nx show projects --affected --base="$NX_BASE" --head="$NX_HEAD" --projects=dev,staging,uat,prod --json');
    expect(envs?.run).toContain("libs/plan-summary/src/affected-envs.ts");
    expect(envs?.run).toContain('>> "$GITHUB_OUTPUT"');
    expect((verify as { outputs?: Record<string, string> }).outputs).toEqual({ envs: "${{ steps.envs.outputs.envs }}" });
  });

  it("plans each affected env in its own matrix job with OIDC and PR-comment rights only", () => {
    expect(needsOf(plan)).toEqual(["verify"]);
    expect(plan.strategy).toEqual({ "fail-fast": false, matrix: { include: "${{ fromJSON(needs.verify.outputs.envs) }}" } });
    expect(plan.if).toContain("needs.verify.outputs.envs != '[]'");
    expect(plan.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
    expect(plan.permissions).toEqual({ "id-token": "write", contents: "read", "pull-requests": "write" });
    const setup = step(plan.steps, (s) => s.uses === "./.github/actions/terraform-env");
    expect(setup?.with?.["role-to-assume"]).toBe("${{ vars[format('AWS_PLAN_ROLE_ARN_{0}', matrix.key)] }}");
    expect(plan.environment).toBeUndefined(); // a PR plan must not wait for (or consume) an env's approval
  });

  it("plans with the ops CLI, then summarizes with plan-summary", () => {
    const planStep = step(plan.steps, (s) => s.id === "plan");
    const lines = String(planStep?.run).trim().split("\n");
    expect(lines).toEqual([
      'npm run -s infra -- stacks --env "$PLAN_ENV" --json > "stack-order-$PLAN_ENV.json"',
      'npm run -s infra -- plan --env "$PLAN_ENV" --no-synth',
      'npx tsx libs/plan-summary/src/export-plans.ts --env "$PLAN_ENV" --out "plans/$PLAN_ENV"',
    ]);
    expect(planStep?.["continue-on-error"]).toBe(true);
    const summary = step(plan.steps, (s) => s.id === "summary");
    expect(summary?.run).toContain('npx tsx libs/plan-summary/src/cli.ts --env "$PLAN_ENV" --dir "plans/$PLAN_ENV"');
    expect(summary?.run).toContain("--out plan-comment.md");
    expect(summary?.run).toContain('--order "stack-order-$PLAN_ENV.json"');
    const fail = (plan.steps ?? []).at(-1);
    expect(fail?.if).toBe("steps.plan.outcome == 'failure' || steps.summary.outcome == 'failure'");
    expect(fail?.run).toContain("exit 1");
  });

  it("posts or updates one comment per env, found by its hidden marker", () => {
    const post = step(plan.steps, (s) => s.uses === "actions/github-script@v7");
    const script = String(post?.with?.script);
    expect(script).toContain("const marker = `<!-- plan:${env} -->`;");
    expect(script).toContain("github.rest.issues.updateComment");
    expect(script).toContain("github.rest.issues.createComment");
    expect(post?.if).toBe("always() && steps.plan.outcome != 'skipped'");
  });

  it("uploads plan texts but never the plan JSON (which holds sensitive values in clear text)", () => {
    const upload = step(plan.steps, (s) => s.uses === "actions/upload-artifact@v4");
    const paths = String(upload?.with?.path).trim().split("\n");
    expect(paths).toEqual(["plan-comment.md", "plan-summary.json", "plan-texts/"]);
    expect(paths.some((p) => p.startsWith("plans"))).toBe(false);
  });
});
