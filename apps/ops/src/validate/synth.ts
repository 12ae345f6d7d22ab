import { spawnSync } from "node:child_process";

/** Every env app (one process, `npm run synth`) and apps/bootstrap: the apps that validate and checkov read. */
export const APPS_WITH_BOOTSTRAP = ["dev", "staging", "uat", "prod", "bootstrap"] as const;

/** Synthesize the env apps and bootstrap into their cdktf.out; output goes to stderr, failure throws. */
export function synthApps(root: string, log: (line: string) => void): void {
  const steps: [string, string[], Record<string, string>][] = [
    ["every env", ["apps/ops/scripts/run.cjs", "synth"], {}],
    ["bootstrap", ["--import", "tsx", "--", "apps/bootstrap/src/main.ts"], { TSX_TSCONFIG_PATH: "tsconfig.base.json" }],
  ];
  for (const [what, args, env] of steps) {
    const started = Date.now();
    const r = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
    if (r.status !== 0) throw new Error(`synth of ${what} failed (exit ${r.status})`);
    log(`synth ${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
