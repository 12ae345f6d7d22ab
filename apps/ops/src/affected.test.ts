import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..", "..", "..");
const ENV_APPS = ["dev", "staging", "uat", "prod"];

/** The env apps `nx affected` would rebuild for a change to `file`. */
function affectedEnvApps(file: string): string[] {
  const r = spawnSync("npx", ["nx", "show", "projects", "--affected", `--files=${file}`, "--json"], {
    cwd: ROOT,
    env: { ...process.env, NX_DAEMON: "false", NX_NO_CLOUD: "true" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`nx failed: ${r.stderr}`);
  const projects = JSON.parse(r.stdout.slice(r.stdout.indexOf("["))) as string[];
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
