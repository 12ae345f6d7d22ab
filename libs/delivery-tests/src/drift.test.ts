import { describe, expect, it } from "vitest";
import { loadWorkflow, type Step } from "./workflows";

const wf = loadWorkflow("drift.yml");
const job = wf.jobs.drift!;
const step = (pred: (s: Step) => boolean) => (job.steps ?? []).find(pred);

describe("drift.yml", () => {
  it("runs every 6 hours and on demand", () => {
    expect(wf.on).toEqual({ schedule: [{ cron: "0 */6 * * *" }], workflow_dispatch: {} });
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
    expect(step((s) => s.uses === "./.github/actions/terraform-env")?.with?.["role-to-assume"]).toBe("${{ vars[format('AWS_PLAN_ROLE_ARN_{0}', matrix.key)] }}");
    expect(job.permissions).toEqual({ "id-token": "write", contents: "read", issues: "write" });
  });

  it("plans read-only and keeps Terraform's exit code (0 clean, 1 error, 2 drift)", () => {
    const detect = step((s) => s.id === "detect");
    expect(detect?.run).toContain('npx tsx libs/plan-summary/src/drift-cli.ts --env "$DRIFT_ENV" --out "drift/$DRIFT_ENV"');
    expect(detect?.run).toContain("set +e");
    expect(detect?.run).toContain('echo "exit-code=$code" >> "$GITHUB_OUTPUT"');
    const fail = step((s) => s.if === "steps.detect.outputs.exit-code == '1'");
    expect(fail?.run).toContain("exit 1");
  });

  it("renders the report in drift mode and files it as the env's drift issue", () => {
    expect(step((s) => s.id === "report")?.run).toContain("--mode drift");
    const script = String(step((s) => s.uses === "actions/github-script@v7")?.with?.script);
    expect(script).toContain("const title = `Drift detected: ${env}`;");
    expect(script).toContain('const labels = ["drift", `env:${env}`];');
  });

  it("never uploads plan JSON", () => {
    const paths = String(step((s) => s.uses === "actions/upload-artifact@v4")?.with?.path).trim().split("\n");
    expect(paths.filter((p) => p.endsWith(".json"))).toEqual(["drift-summary.json", "drift/${{ matrix.env }}/_drift.json"]);
  });
});
