import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { affectedEnvs } from "./affected-envs";

const envs = (nx: string[], files: string[]) => affectedEnvs(nx, files).map((e) => e.env);

describe("affectedEnvs", () => {
  it("keeps the env apps Nx reports, in deploy order, ignoring other projects", () => {
    expect(envs(["prod", "vpc", "dev"], [])).toEqual(["dev", "prod"]);
    expect(affectedEnvs(["uat"], [])).toEqual([{ env: "uat", key: "UAT" }]);
  });

  it("adds the env whose config changed, and every env when shared config changed", () => {
    expect(envs([], ["environments/staging/us-east-1/region.ts", "README.md"])).toEqual(["staging"]);
    expect(envs([], ["environments/root.ts"])).toEqual(["dev", "staging", "uat", "prod"]);
    expect(envs([], ["environments/_envcommon/data/rds.ts"])).toEqual(["dev", "staging", "uat", "prod"]);
    expect(envs([], ["apps/prod/src/main.ts"])).toEqual(["prod"]);
  });

  it("plans nothing for changes that touch no env", () => {
    expect(envs(["plan-summary"], ["docs/delivery.md", ".github/workflows/pr.yml", "libs/plan-summary/src/cli.ts", ""])).toEqual([]);
  });

  it("prints the matrix as JSON when run as a script", () => {
    const dir = mkdtempSync(join(tmpdir(), "affected-"));
    writeFileSync(join(dir, "nx.json"), JSON.stringify(["uat"]));
    writeFileSync(join(dir, "files.txt"), "environments/dev/env.ts\n");
    const out = execFileSync("npx", ["tsx", "libs/plan-summary/src/affected-envs.ts", join(dir, "nx.json"), join(dir, "files.txt")], {
      cwd: join(import.meta.dirname, "../../.."),
      encoding: "utf8",
    });
    expect(JSON.parse(out)).toEqual([
      { env: "dev", key: "DEV" },
      { env: "uat", key: "UAT" },
    ]);
  });
});
