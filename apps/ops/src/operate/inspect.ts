import { existsSync } from "node:fs";
import { join } from "node:path";
import type { TfBinary } from "./binary";
import { exec } from "./exec";
import { SharedLock, initDecision, readStackConfig, writeStamp } from "./workdir";

export interface InspectRequest {
  readonly stackDir: string;
  readonly binary: TfBinary;
  readonly pluginCache: string;
  readonly committedLock: string | undefined;
  /** e.g. ["output", "-json"] or ["state", "pull"]. */
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly stderr: (text: string) => void;
  readonly hint: string;
}

/**
 * `output` and `state`: our stdout carries nothing but Terraform's answer, so `| jq` and
 * `state pull > backup.tfstate` work. Init (only when needed, without taking the state lock)
 * prints to stderr.
 */
export async function inspectStack(req: InspectRequest): Promise<number> {
  if (!existsSync(join(req.stackDir, "cdk.tf.json"))) {
    req.stderr(`${req.stackDir} is not synthesized: ${req.hint}\n`);
    return 1;
  }
  const env: NodeJS.ProcessEnv = { ...req.env, TF_IN_AUTOMATION: "1", TF_INPUT: "0", TF_PLUGIN_CACHE_DIR: req.pluginCache };
  const config = readStackConfig(req.stackDir);
  const lock = new SharedLock(req.committedLock);
  const decision = initDecision(req.stackDir, req.binary, config, lock.current, env);
  if (decision.kind === "backend-changed") {
    req.stderr(`${decision.change} since the last init of ${req.stackDir}: run plan with --reconfigure or --migrate-state first\n`);
    return 1;
  }
  if (decision.kind === "init") {
    const init = await exec({
      command: req.binary.command,
      args: ["init", "-input=false", "-lock=false", ...lock.prepare(req.stackDir)],
      cwd: req.stackDir,
      env,
      output: { kind: "stdout-to-stderr" },
    });
    if (init.code !== 0) return init.code;
    writeStamp(req.stackDir, req.binary, config, env);
  }
  return (await exec({ command: req.binary.command, args: req.args, cwd: req.stackDir, env, output: { kind: "inherit" } })).code;
}
