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

  it("verifies only what the PR affects, with the full history Nx needs, and validates every stack", () => {
    expect(step(verify.steps, (s) => s.uses?.startsWith("actions/checkout@") === true)?.with).toEqual({ "fetch-depth": 0 });
    const runs = (verify.steps ?? []).map((s) => s.run ?? "");
    expect(runs.find((r) => r.includes("NX_BASE="))).toContain('git merge-base "origin/$GITHUB_BASE_REF" HEAD');
    expect(runs).toContain('npx nx affected -t typecheck lint test synth --base="$NX_BASE" --head="$NX_HEAD"');
    expect(runs).toContain("npm run validate -- --if-toolchain");
    expect(runs.indexOf("npm run validate -- --if-toolchain")).toBeLessThan(runs.findIndex((r) => r.includes("infra -- affected")));
    const toolchain = step(verify.steps, (s) => s.name === "Toolchain cache");
    expect(toolchain?.with).toEqual({
      path: "~/.cache/infra-toolchain",
      key: "infra-toolchain-${{ runner.os }}-${{ hashFiles('tools/toolchain/versions.json') }}",
    });
    expect(verify.permissions).toEqual({ contents: "read" });
  });

  it("plans the envs whose synthesized JSON changes, and only their changed stacks (not every env that Nx calls affected)", () => {
    const envs = step(verify.steps, (s) => s.id === "envs");
    expect(envs?.run).toContain('npm run -s infra -- affected --base "$NX_BASE" --json --keep-base .base > affected.json');
    expect(envs?.run).toContain(`jq -c 'map({env, key, stacks: (.stacks | join(","))})' affected.json`);
    expect(envs?.run).toContain('echo "envs=$envs" >> "$GITHUB_OUTPUT"');
    expect(verify.outputs).toEqual({ envs: "${{ steps.envs.outputs.envs }}" });
    expect(plan.env).toMatchObject({
      PLAN_ENV: "${{ matrix.env }}",
      PLAN_STACKS: "${{ matrix.stacks }}",
      HEAD_SHA: "${{ github.event.pull_request.head.sha }}",
    });
  });

  it("adds the cost difference against the base and the policy summary to each env's comment", () => {
    const extras = step(verify.steps, (s) => s.name === "Cost difference and policy summary per env")?.run ?? "";
    expect(extras).toContain('npm run -s infra -- cost --env "$env" --base-dir .base > "pr-extras/$env/cost.md"');
    expect(extras).toContain('npm run -s infra -- policy --env "$env" --summary > "pr-extras/$env/policy.md"');
    expect(step(plan.steps, (s) => s.uses?.startsWith("actions/download-artifact@") === true)?.with).toEqual({ name: "pr-extras", path: "pr-extras" });
    const summary = step(plan.steps, (s) => s.id === "summary")?.run ?? "";
    expect(summary).toContain('--append "pr-extras/$PLAN_ENV/cost.md" --append "pr-extras/$PLAN_ENV/policy.md"');
  });

  it("plans each env in its own matrix job with OIDC and PR-comment rights only; prod's waits for the prod-plan environment", () => {
    expect(needsOf(plan)).toEqual(["verify"]);
    expect(plan.strategy).toEqual({ "fail-fast": false, matrix: { include: "${{ fromJSON(needs.verify.outputs.envs) }}" } });
    expect(plan.if).toContain("needs.verify.outputs.envs != '[]'");
    expect(plan.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
    expect(plan.permissions).toEqual({ "id-token": "write", contents: "read", "pull-requests": "write" });
    const setup = step(plan.steps, (s) => s.uses === "./.github/actions/terraform-env");
    expect(setup?.id).toBe("setup");
    expect(setup?.with?.["role-to-assume"]).toBe("${{ vars[format('AWS_PLAN_ROLE_ARN_{0}', matrix.key)] }}");
    // The prod plan role trusts environment:prod-plan (reviewers), not pull_request.
    expect(plan.environment).toBe("${{ matrix.env == 'prod' && 'prod-plan' || '' }}");
  });

  it("plans read-only (-lock=false via --no-lock) with the ops CLI, exports the plans, then summarizes with plan-summary", () => {
    const planStep = step(plan.steps, (s) => s.id === "plan");
    expect(String(planStep?.run).trim().split("\n")).toEqual([
      'npm run -s infra -- stacks --env "$PLAN_ENV" --json > "stack-order-$PLAN_ENV.json"',
      'npm run -s infra -- plan --env "$PLAN_ENV" --no-synth --no-lock ${PLAN_STACKS:+--stack "$PLAN_STACKS"} --export-dir "plans/$PLAN_ENV"',
    ]);
    expect(planStep?.["continue-on-error"]).toBe(true);
    expect(step(plan.steps, (s) => s.id === "synth")?.run).toBe('npx nx run "$PLAN_ENV:synth"');
    const summary = step(plan.steps, (s) => s.id === "summary");
    expect(summary?.run).toContain('npx tsx libs/plan-summary/src/cli.ts --env "$PLAN_ENV" --dir "plans/$PLAN_ENV"');
    expect(summary?.run).toContain('--sha "$HEAD_SHA"');
    const fail = (plan.steps ?? []).at(-1);
    expect(fail?.if).toBe("steps.plan.outcome == 'failure' || steps.summary.outcome == 'failure'");
    expect(fail?.run).toContain("exit 1");
  });

  it("posts or updates one comment per env after any outcome but a cancellation", () => {
    const post = step(plan.steps, (s) => s.uses?.startsWith("actions/github-script@") === true);
    expect(post?.if).toBe("${{ !cancelled() }}");
    expect(post?.env).toEqual({
      SETUP_OUTCOME: "${{ steps.setup.outcome }}",
      SYNTH_OUTCOME: "${{ steps.synth.outcome }}",
      PLAN_OUTCOME: "${{ steps.plan.outcome }}",
      SUMMARY_OUTCOME: "${{ steps.summary.outcome }}",
    });
  });

  it("marks the comments of envs no longer affected as stale", () => {
    const stale = wf.jobs["stale-comments"]!;
    expect(needsOf(stale)).toEqual(["verify"]);
    expect(stale.permissions).toEqual({ "pull-requests": "write" });
    expect(stale.steps?.[0]?.env).toEqual({ AFFECTED: "${{ needs.verify.outputs.envs }}", HEAD_SHA: "${{ github.event.pull_request.head.sha }}" });
  });

  it("uploads plan texts but never the plan JSON (which holds sensitive values in clear text)", () => {
    const upload = step(plan.steps, (s) => s.uses?.startsWith("actions/upload-artifact@") === true);
    const paths = String(upload?.with?.path).trim().split("\n");
    expect(paths).toEqual(["plan-comment.md", "plan-summary.json", "plan-texts/"]);
    expect(paths.some((p) => p.startsWith("plans"))).toBe(false);
  });
});
