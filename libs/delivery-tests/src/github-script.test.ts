import { describe, expect, it } from "vitest";
import { fakeRepo, runScript, scriptOf, type Issue } from "./github-script";

const prScript = scriptOf("pr.yml", "plan");
const staleScript = scriptOf("pr.yml", "stale-comments");
const driftScript = scriptOf("drift.yml", "drift");
const appliedScript = scriptOf("drift.yml", "drift", "applied");
const HEAD = "feedbeefcafe0123456789abcdef0123456789ab";
const RUN = "https://github.com/acme/infra/actions/runs/9";

describe("PR plan comment (pr.yml)", () => {
  const ok = {
    PLAN_ENV: "dev",
    SETUP_OUTCOME: "success",
    SYNTH_OUTCOME: "success",
    PLAN_OUTCOME: "success",
    SUMMARY_OUTCOME: "success",
    RUN_URL: RUN,
    HEAD_SHA: HEAD,
  };
  const comment = "<!-- plan:dev -->\n## Terraform plan: `dev`\nnew body";

  it("creates the env's comment the first time", async () => {
    const repo = fakeRepo();
    await runScript(prScript, { repo, env: ok, files: { "plan-comment.md": comment } });
    expect(repo.calls).toEqual(["createComment #42"]);
    expect(repo.comments[0]?.body).toBe(comment);
  });

  it("updates that comment in place on the next push, leaving other envs' and humans' comments alone", async () => {
    const repo = fakeRepo({
      comments: [
        { id: 1, user: { login: "alice" }, body: "<!-- plan:dev --> quoting the bot", html_url: "" },
        { id: 2, user: { login: "github-actions[bot]" }, body: "<!-- plan:prod -->\nprod plan", html_url: "" },
        { id: 3, user: { login: "github-actions[bot]" }, body: "<!-- plan:dev -->\nold body", html_url: "" },
      ],
    });
    await runScript(prScript, { repo, env: ok, files: { "plan-comment.md": comment } });
    expect(repo.calls).toEqual(["updateComment 3"]);
    expect(repo.comments.map((c) => c.body)).toEqual(["<!-- plan:dev --> quoting the bot", "<!-- plan:prod -->\nprod plan", comment]);
  });

  it("replaces the comment with a failure notice naming the PR head commit (not the merge commit) when the plan failed", async () => {
    const repo = fakeRepo({ comments: [{ id: 3, user: { login: "github-actions[bot]" }, body: "<!-- plan:dev -->\nold", html_url: "" }] });
    await runScript(prScript, { repo, env: { ...ok, PLAN_OUTCOME: "failure", SUMMARY_OUTCOME: "skipped" }, files: {} });
    expect(repo.calls).toEqual(["updateComment 3"]);
    expect(repo.comments[0]?.body).toContain("<!-- plan:dev -->");
    expect(repo.comments[0]?.body).toContain(
      `> No plan for \`dev\` at feedbeefcafe: the plan step failed. See the [workflow run](${RUN}). An earlier plan shown here no longer applies.`,
    );
  });

  it("a setup failure (credentials, install) replaces an old success comment too", async () => {
    const repo = fakeRepo({ comments: [{ id: 3, user: { login: "github-actions[bot]" }, body: "<!-- plan:dev -->\n✅ no changes", html_url: "" }] });
    await runScript(prScript, {
      repo,
      env: { ...ok, SETUP_OUTCOME: "failure", SYNTH_OUTCOME: "skipped", PLAN_OUTCOME: "skipped", SUMMARY_OUTCOME: "skipped" },
      files: {},
    });
    expect(repo.comments[0]?.body).toContain("the setup step failed");
    expect(repo.comments[0]?.body).not.toContain("no changes");
  });

  it("a cancelled run (superseded by a newer push) is not reported as a failure: the comment is left alone", async () => {
    const repo = fakeRepo({ comments: [{ id: 3, user: { login: "github-actions[bot]" }, body: "<!-- plan:dev -->\nold", html_url: "" }] });
    await runScript(prScript, { repo, env: { ...ok, PLAN_OUTCOME: "cancelled", SUMMARY_OUTCOME: "skipped" }, files: {} });
    expect(repo.calls).toEqual([]);
    expect(repo.comments[0]?.body).toBe("<!-- plan:dev -->\nold");
  });

  it("refuses a rendered body without the env's marker (it could never be found again)", async () => {
    await expect(runScript(prScript, { repo: fakeRepo(), env: ok, files: { "plan-comment.md": "<!-- plan:prod -->" } })).rejects.toThrow(
      "comment body lacks the marker <!-- plan:dev -->",
    );
  });
});

describe("drift issue (drift.yml)", () => {
  const report = "<!-- drift:prod -->\n## Drift detected: `prod`";
  const files = (hasChanges: boolean) => ({ "drift-report.md": report, "drift-summary.json": JSON.stringify({ env: "prod", hasChanges }) });
  const env = (code: string) => ({ DRIFT_ENV: "prod", EXIT_CODE: code, RUN_URL: RUN });
  const open = (n: number, labels = ["drift", "env:prod"]): Issue => ({
    number: n,
    title: "Drift detected: prod",
    body: "old",
    labels,
    state: "open",
    html_url: "",
  });

  it("opens a labelled issue on drift (exit 2), creating the labels if needed", async () => {
    const repo = fakeRepo({ issues: [open(5, ["drift", "env:dev"])] });
    await runScript(driftScript, { repo, env: env("2"), files: files(true) });
    expect(repo.calls).toEqual(["createLabel drift", "createLabel env:prod", 'create "Drift detected: prod" [drift,env:prod]', "warning Drift in prod"]);
    expect(repo.issues.at(-1)?.body).toBe(report);
  });

  it("updates the open issue instead of opening another", async () => {
    const repo = fakeRepo({ issues: [open(7)], labels: new Set(["drift", "env:prod"]) });
    await runScript(driftScript, { repo, env: env("2"), files: files(true) });
    expect(repo.calls).toEqual(["update #7 body,title", "warning Drift in prod"]);
    expect(repo.issues).toHaveLength(1);
    expect(repo.issues[0]?.body).toBe(report);
  });

  it("closes the open issue with a comment when the env is clean again (exit 0)", async () => {
    const repo = fakeRepo({ issues: [open(7)], labels: new Set(["drift", "env:prod"]) });
    await runScript(driftScript, { repo, env: env("0"), files: files(false) });
    expect(repo.calls).toEqual(["createComment #7", "update #7 state,state_reason"]);
    expect(repo.issues[0]?.state).toBe("closed");
  });

  it("leaves the issue alone when the check failed without finding drift (exit 1)", async () => {
    const repo = fakeRepo({ issues: [open(7)], labels: new Set(["drift", "env:prod"]) });
    await runScript(driftScript, { repo, env: env("1"), files: files(false) });
    expect(repo.calls).toEqual([]);
  });

  it("still reports drift found in the stacks that could be planned when another failed", async () => {
    const repo = fakeRepo({ labels: new Set(["drift", "env:prod"]) });
    await runScript(driftScript, { repo, env: env("1"), files: files(true) });
    expect(repo.calls).toEqual(['create "Drift detected: prod" [drift,env:prod]', "warning Drift in prod"]);
  });
});

describe("stale plan comments (pr.yml stale-comments)", () => {
  const bot = (id: number, body: string) => ({ id, user: { login: "github-actions[bot]" }, body, html_url: "" });

  it("marks the comment of an env this push no longer changes, once, and leaves affected envs and humans alone", async () => {
    const repo = fakeRepo({
      comments: [
        bot(1, "<!-- plan:dev -->\ndev plan"),
        bot(2, "<!-- plan:prod -->\nprod plan"),
        { id: 3, user: { login: "alice" }, body: "<!-- plan:prod --> quoted", html_url: "" },
      ],
    });
    const env = { AFFECTED: JSON.stringify([{ env: "dev", key: "DEV", stacks: "dev-us-east-1-dns-api-record" }]), HEAD_SHA: HEAD };
    await runScript(staleScript, { repo, env, files: {} });
    expect(repo.calls).toEqual(["updateComment 2"]);
    expect(repo.comments[1]?.body.startsWith("<!-- plan:prod -->\n<!-- stale -->")).toBe(true);
    expect(repo.comments[1]?.body).toContain("> Stale: as of feedbeefcafe this PR no longer changes `prod`'s synthesized Terraform");
    expect(repo.comments[0]?.body).toBe("<!-- plan:dev -->\ndev plan");
    await runScript(staleScript, { repo, env, files: {} });
    expect(repo.calls).toEqual(["updateComment 2"]);
  });
});

describe("the commit a drift check runs against (drift.yml)", () => {
  it("is the newest deployment of the env whose latest status is success", async () => {
    const repo = fakeRepo({
      deployments: {
        prod: [
          { id: 3, sha: "c".repeat(40), statuses: ["waiting"] },
          { id: 2, sha: "b".repeat(40), statuses: ["failure", "in_progress"] },
          { id: 1, sha: "a".repeat(40), statuses: ["success", "in_progress"] },
        ],
      },
    });
    await runScript(appliedScript, { repo, env: { DRIFT_ENV: "prod" }, files: {} });
    expect(repo.outputs).toEqual({ sha: "a".repeat(40) });
  });

  it("falls back to main, with a notice, for an env never deployed", async () => {
    const repo = fakeRepo();
    await runScript(appliedScript, { repo, env: { DRIFT_ENV: "uat" }, files: {} });
    expect(repo.outputs).toEqual({ sha: "0123456789abcdef0123456789abcdef01234567" });
    expect(repo.calls).toEqual(["notice uat has no successful deployment yet: checking main instead."]);
  });
});
