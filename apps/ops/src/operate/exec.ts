import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, closeSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";

/** How a child's output is handled. */
export type OutputMode =
  /** stdout and stderr appended to a log file (parallel runs: one log per stack). */
  | { readonly kind: "log"; readonly file: string; readonly captureStdout?: boolean }
  /** The terminal: stdin, stdout and stderr inherited (one stack, interactive prompts). */
  | { readonly kind: "inherit" }
  /** stdout to our stderr: keeps our stdout clean for `output -json | jq` and `state pull > backup`. */
  | { readonly kind: "stdout-to-stderr" }
  /** stdout captured and returned; stderr to ours. */
  | { readonly kind: "capture" };

export interface ExecRequest {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly output: OutputMode;
}

export interface ExecResult {
  /** Exit code; 127 when the command could not be started. */
  readonly code: number;
  /** Captured stdout ("" unless captured). */
  readonly stdout: string;
}

/** Runs one command to completion without blocking the event loop (other stacks keep running). */
export function exec(req: ExecRequest): Promise<ExecResult> {
  return new Promise((resolve) => {
    let logFd: number | undefined;
    const stdio: ("inherit" | "pipe" | "ignore" | number)[] = ["ignore", "pipe", "pipe"];
    switch (req.output.kind) {
      case "inherit":
        stdio.splice(0, 3, "inherit", "inherit", "inherit");
        break;
      case "stdout-to-stderr":
        stdio.splice(0, 3, "inherit", 2, "inherit");
        break;
      case "capture":
        stdio.splice(0, 3, "inherit", "pipe", "inherit");
        break;
      case "log":
        mkdirSync(dirname(req.output.file), { recursive: true });
        appendFileSync(req.output.file, `$ ${req.command} ${req.args.join(" ")}\n`);
        logFd = openSync(req.output.file, "a");
        stdio.splice(0, 3, "ignore", req.output.captureStdout ? "pipe" : logFd, logFd);
        break;
    }
    const chunks: Buffer[] = [];
    let settled = false;
    const done = (code: number) => {
      if (settled) return;
      settled = true;
      if (logFd !== undefined) closeSync(logFd);
      resolve({ code, stdout: Buffer.concat(chunks).toString("utf8") });
    };
    const child = spawn(req.command, [...req.args], { cwd: req.cwd, env: req.env, stdio });
    child.stdout?.on("data", (c: Buffer) => chunks.push(c));
    child.on("error", (error) => {
      if (logFd !== undefined) appendFileSync(logFd, `failed to start ${req.command}: ${error.message}\n`);
      else process.stderr.write(`failed to start ${req.command}: ${error.message}\n`);
      done(127);
    });
    child.on("close", (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

/** Synchronous variant for the few one-shot calls made before a run starts. */
export function execSync(command: string, args: readonly string[], cwd: string): { code: number; stdout: string } {
  const r = spawnSync(command, [...args], { cwd, encoding: "utf8" });
  return { code: r.error ? 127 : (r.status ?? 1), stdout: r.stdout ?? "" };
}
