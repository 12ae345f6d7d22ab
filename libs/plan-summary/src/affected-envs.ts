/**
 * Which env apps a PR must plan, as a GitHub Actions matrix:
 *
 *   npx tsx libs/plan-summary/src/affected-envs.ts <nx-affected.json> <changed-files.txt>
 *   → [{"env":"dev","key":"DEV"},...]   (key names the repository variable AWS_PLAN_ROLE_ARN_<key>)
 *
 * Nx knows what imports what, but `environments/` holds typed config that may sit outside every
 * Nx project; so a changed file under `environments/<env>/` adds that env, and any other change
 * under `environments/` (root.ts, _envcommon/) adds them all.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

export const ENVS = ["dev", "staging", "uat", "prod"] as const;
export type Env = (typeof ENVS)[number];

export interface EnvMatrixEntry {
  env: Env;
  key: string;
}

export function affectedEnvs(nxAffected: readonly string[], changedFiles: readonly string[]): EnvMatrixEntry[] {
  const hit = new Set<string>(nxAffected.filter((p) => (ENVS as readonly string[]).includes(p)));
  for (const file of changedFiles.map((f) => f.trim()).filter(Boolean)) {
    const [top, second] = file.split("/");
    if (top === "environments") {
      if (second && (ENVS as readonly string[]).includes(second) && file.split("/").length > 2) hit.add(second);
      else ENVS.forEach((e) => hit.add(e));
    } else if (top === "apps" && second && (ENVS as readonly string[]).includes(second)) {
      hit.add(second);
    }
  }
  return ENVS.filter((e) => hit.has(e)).map((env) => ({ env, key: env.toUpperCase() }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [nxFile, filesFile] = process.argv.slice(2);
  if (!nxFile || !filesFile) {
    console.error("usage: affected-envs.ts <nx-affected.json> <changed-files.txt>");
    process.exit(1);
  }
  const nx = JSON.parse(readFileSync(nxFile, "utf8")) as string[];
  console.log(JSON.stringify(affectedEnvs(nx, readFileSync(filesFile, "utf8").split("\n"))));
}
