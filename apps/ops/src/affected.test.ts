import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { affectedProjects } from "./testing/nx";

const ROOT = resolve(__dirname, "..", "..", "..");
const ENV_APPS = ["dev", "staging", "uat", "prod"];

/** The env apps `nx affected` would rebuild for a change to `files` (comma-separated), from the workspace's project graph. */
function affectedEnvApps(files: string): string[] {
  const projects = files.split(",").flatMap((f) => affectedProjects(f));
  return ENV_APPS.filter((p) => projects.includes(p));
}

describe("nx affected (the project graph follows imports)", () => {
  it("a prod-only config file affects the prod app and no other env app", () => {
    expect(affectedEnvApps("environments/prod/us-east-1/platform.ts")).toEqual(["prod"]);
  });
  it("a file of libs/vpc affects all four env apps", () => {
    expect(affectedEnvApps("libs/vpc/src/vpc.ts")).toEqual(ENV_APPS);
  });
  it("environments/root.ts affects all of them", () => {
    expect(affectedEnvApps("environments/root.ts")).toEqual(ENV_APPS);
  });
  it("README.md affects none", () => {
    expect(affectedEnvApps("README.md")).toEqual([]);
  });
});

/**
 * Nx works per project: every file of `environments/_envcommon` belongs to the one `environments`
 * project, which all four env apps import. The plan matrix therefore follows the synthesized JSON
 * (`infra affected --base <ref>`), which changes only where a deployment really changes.
 */
describe("a dev-only new module", () => {
  const MODULE = `import { defineModule } from "@infra/config";
import { appRecordInputs } from "@infra/platform-inputs";
import { ingress } from "../services/ingress";
import { zone } from "./zone";

/** api.<zone> in dev only: an alias to the ALB, like app-record. */
export const apiRecord = defineModule({
  workload: "platform",
  category: "dns",
  module: "api-record",
  builder: "platform/app-record",
  schema: appRecordInputs,
  dependencies: { zone, ingress },
  defaults: () => ({ recordName: "api", routing: { mode: "simple" as const } }),
});
`;

  it("defined in the env's own folder, nx marks only dev affected", () => {
    expect(affectedEnvApps("environments/dev/us-east-1/api-record.ts,environments/dev/us-east-1/platform.ts")).toEqual(["dev"]);
  });

  it("defined in _envcommon, nx marks all four, and `infra affected` plans dev's one new stack only", () => {
    expect(affectedEnvApps("environments/_envcommon/platform/dns/api-record.ts,environments/dev/us-east-1/platform.ts")).toEqual(ENV_APPS);
    const tmp = mkdtempSync(join(tmpdir(), "affected-"));
    const tree = join(tmp, "head");
    const git = (args: string[], cwd = ROOT) => {
      const r = spawnSync("git", args, { cwd, encoding: "utf8" });
      if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
    };
    try {
      git(["worktree", "add", "--detach", "--quiet", tree, "HEAD"]);
      symlinkSync(join(ROOT, "node_modules"), join(tree, "node_modules"), "dir");
      writeFileSync(join(tree, "environments/_envcommon/platform/dns/api-record.ts"), MODULE);
      const platform = join(tree, "environments/dev/us-east-1/platform.ts");
      // dev deploys the whole platform (deployWorkload) plus the new module.
      const original = readFileSync(platform, "utf8");
      const edited = original.replace(
        '{ except: ["vpcPeering", "logShipping"] });',
        '{ except: ["vpcPeering", "logShipping"] }).concat(deploymentsFrom("environments/dev/us-east-1/platform.ts", [deploy(apiRecord)]));',
      );
      expect(edited).not.toBe(original);
      writeFileSync(
        platform,
        `import { deploy, deploymentsFrom } from "@infra/config";\nimport { apiRecord } from "../../_envcommon/platform/dns/api-record";\n${edited}`,
      );
      const r = spawnSync(process.execPath, [join(tree, "apps/ops/scripts/run.cjs"), "affected", "--base", "HEAD", "--json"], { cwd: tree, encoding: "utf8" });
      expect(r.stderr).toContain("synthesizing HEAD");
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual([{ env: "dev", key: "DEV", stacks: ["dev-us-east-1-dns-api-record"], removed: [] }]);
    } finally {
      spawnSync("git", ["worktree", "remove", "--force", tree], { cwd: ROOT });
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 180_000);
});
