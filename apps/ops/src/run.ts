import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import type { Command } from "./terraform-commands";

/** The workspace root; the bundled CLI (apps/ops/scripts/run.cjs) names it, since its __dirname is elsewhere. */
export const WORKSPACE_ROOT = process.env["INFRA_WORKSPACE_ROOT"] ?? resolve(__dirname, "..", "..", "..");

/** Run a command in the foreground; returns its exit code. */
export function runCommand(cmd: Command, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): number {
  log(`$ (cd ${cmd.cwd} && ${cmd.command} ${cmd.args.join(" ")})`);
  const result = spawnSync(cmd.command, cmd.args, {
    cwd: resolve(WORKSPACE_ROOT, cmd.cwd),
    env: { ...process.env, ...cmd.env },
    stdio: "inherit",
  });
  if (result.error) {
    log(`failed to start ${cmd.command}: ${result.error.message}`);
    return 127;
  }
  return result.status ?? 1;
}
