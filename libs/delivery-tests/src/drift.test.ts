import { describe, expect, it } from "vitest";
import { loadWorkflow, type Step } from "./workflows";

const wf = loadWorkflow("drift.yml");
const job = wf.jobs.drift!;
const step = (pred: (s: Step) => boolean) => (job.steps ?? []).find(pred);

describe("drift.yml", () => {
  it("runs every 6 hours and on demand, one check per env at a time", () => {
    expect(wf.on).toEqual({ schedule: [{ cron: "0 */6 * * *" }], workflow_dispatch: {} });
    expect(wf.concurrency).toBeUndefined();
    expect(job.concurrency).toEqual({ group: "drift-${{ matrix.env }}", "cancel-in-progress": false });
  });

  it("checks every env in its own matrix leg, with the env's read-only plan role", () => {
    expect(job.strategy?.["fail-fast"]).toBe(false);
    expect(job.strategy?.matrix).toEqual({
      include: [
        { env: "dev", key: "DEV" },
        { env: "staging", key: "STAGING" },
        { env: "uat", key: "UAT" },
        { env: "prod", key: "PROD" },
      ],
    });
    expect(step((s) => s.uses === "./.github/actions/terraform-env")?.with?.["role-to-assume"]).toBe(
      "${{ vars[format('AWS_PLAN_ROLE_ARN_{0}', matrix.key)] }}",
    );
    expect(job.permissions).toEqual({ "id-token": "write", contents: "read", issues: "write", deployments: "read" });
  });

  it("checks the commit last applied to the env (its newest successful deployment), not main", () => {
    const steps = job.steps ?? [];
    const applied = steps.findIndex((s) => s.id === "applied");
    const checkout = steps.findIndex((s) => s.name === "Check out the applied commit");
    const synth = steps.findIndex((s) => s.run?.includes(":synth"));
    expect(applied).toBeGreaterThan(0);
    expect(checkout).toBeGreaterThan(applied);
    expect(synth).toBeGreaterThan(checkout);
    expect(steps[checkout]?.run).toContain('git checkout --quiet --detach "$APPLIED_SHA"');
    expect(steps[checkout]?.env).toEqual({ APPLIED_SHA: "${{ steps.applied.outputs.sha }}" });
    expect(steps[0]?.with).toEqual({ "fetch-depth": 0 });
    expect(step((s) => s.id === "report")?.env).toEqual({ APPLIED_SHA: "${{ steps.applied.outputs.sha }}" });
  });

  it("plans read-only with the ops CLI's drift mode and keeps its exit code (0 clean, 1 error, 2 drift)", () => {
    const detect = step((s) => s.id === "detect");
    expect(detect?.run).toContain(
      'npm run -s infra -- plan --env "$DRIFT_ENV" --drift --no-synth --json --export-dir "drift/$DRIFT_ENV" > "drift/$DRIFT_ENV/_drift.json"',
    );
    expect(detect?.run).toContain("set +e");
    expect(detect?.run).toContain(`if [ "$code" = 2 ] && ! jq -e '.results' "drift/$DRIFT_ENV/_drift.json" > /dev/null 2>&1; then code=1; fi`);
    expect(detect?.run).toContain('echo "exit-code=$code" >> "$GITHUB_OUTPUT"');
    const fail = step((s) => s.if === "steps.detect.outputs.exit-code == '1'");
    expect(fail?.run).toContain("exit 1");
  });

  it("renders the report in drift mode and files it as the env's drift issue", () => {
    expect(step((s) => s.id === "report")?.run).toContain("--mode drift");
    const scripts = (job.steps ?? []).filter((s) => s.uses?.startsWith("actions/github-script@")).map((s) => String(s.with?.script));
    expect(scripts.at(-1)).toContain("const title = `Drift detected: ${env}`;");
    expect(scripts.at(-1)).toContain('const labels = ["drift", `env:${env}`];');
  });

  it("never uploads plan JSON", () => {
    const paths = String(step((s) => s.uses?.startsWith("actions/upload-artifact@") === true)?.with?.path)
      .trim()
      .split("\n");
    expect(paths.filter((p) => p.endsWith(".json"))).toEqual(["drift-summary.json", "drift/${{ matrix.env }}/_drift.json"]);
  });
});
