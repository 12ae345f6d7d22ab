import { root } from "@envs/root";
import { rootConfig } from "@infra/config";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ENVS, UsageError, findEnv } from "./envs";
import { chooseBinary, probeBinary } from "./operate/binary";
import { cdktfOut, defaultParallelism, headCommit, parseLockTimeout, pluginCacheDir, runDir, stacksDir, type Workspace } from "./operate/context";
import { exec } from "./operate/exec";
import { runStacks } from "./operate/run-stacks";
import type { CliIo } from "./operate/stack-command";
import { committedLockPath, readIfExists } from "./operate/workdir";
import { runCommand } from "./run";
import { didYouMean } from "./suggest";

const SUBCOMMANDS = ["plan", "deploy", "migrate"];

/**
 * `infra bootstrap <plan|deploy|migrate> --env <env>`: the state bucket and lock table of an env's
 * account (apps/bootstrap), with the same binary choice, version check, plugin cache and init rules
 * as the env stacks. `BOOTSTRAP_BACKEND=s3` (after `migrate`) synthesizes the S3 backend; `migrate`
 * synthesizes it and runs `init -migrate-state`, which asks before copying the local state.
 */
export async function bootstrapCommand(
  rest: readonly string[],
  values: {
    env?: string | undefined;
    binary?: string | undefined;
    "plugin-cache"?: string | undefined;
    "no-synth"?: boolean | undefined;
    "auto-approve"?: boolean | undefined;
    reconfigure?: boolean | undefined;
    "lock-timeout"?: string | undefined;
  },
  io: CliIo,
  ws: Workspace,
): Promise<number> {
  const [sub, ...extra] = rest;
  if (!sub || !SUBCOMMANDS.includes(sub)) {
    throw new UsageError(`bootstrap needs plan | deploy | migrate${sub ? `, got ${JSON.stringify(sub)}${didYouMean(sub, SUBCOMMANDS)}` : ""}`);
  }
  if (extra.length) throw new UsageError(`bootstrap ${sub}: unexpected ${JSON.stringify(extra.join(" "))}`);
  if (!values.env)
    throw new UsageError(`bootstrap ${sub} needs --env <env> (one of ${ENVS.map((e) => e.name).join(" | ")}); with Nx: npx nx run bootstrap:${sub}:<env>`);
  const env = findEnv(values.env).name;
  const backend = sub === "migrate" ? "s3" : io.env["BOOTSTRAP_BACKEND"] === "s3" ? "s3" : "local";
  const required = rootConfig.parse(root).terraformVersion;
  const binary = probeBinary(chooseBinary(values.binary, io.env), required, io.env);
  if (!values["no-synth"] || sub === "migrate") {
    mkdirSync(cdktfOut(ws, "bootstrap"), { recursive: true });
    const code = runCommand({
      command: process.execPath,
      args: ["--import", "tsx", "--", "apps/bootstrap/src/main.ts"],
      cwd: ".",
      env: { TSX_TSCONFIG_PATH: "tsconfig.base.json", BOOTSTRAP_BACKEND: backend, CDKTF_OUTDIR: cdktfOut(ws, "bootstrap") },
    });
    if (code !== 0) return code;
  }
  const stack = `bootstrap-${env}`;
  const pluginCache = pluginCacheDir(values["plugin-cache"], io.env);
  if (sub === "migrate") {
    // Interactive on purpose: Terraform shows both backends and asks before copying the state.
    const r = await exec({
      command: binary.command,
      args: ["init", "-migrate-state"],
      cwd: join(stacksDir(ws, "bootstrap"), stack),
      env: { ...io.env, TF_PLUGIN_CACHE_DIR: pluginCache },
      output: { kind: "inherit" },
    });
    if (r.code === 0) io.stderr(`bootstrap state of ${env} migrated: from now on run bootstrap commands with BOOTSTRAP_BACKEND=s3\n`);
    return r.code;
  }
  const result = await runStacks(
    {
      env: "bootstrap",
      stacksDir: stacksDir(ws, "bootstrap"),
      order: [stack],
      waitsFor: new Map(),
      action: sub === "plan" ? { kind: "plan", save: true, drift: false, lock: true } : { kind: "apply", fromPlan: false },
      binary,
      parallelism: defaultParallelism(io.env),
      pluginCache,
      planDir: join(runDir(ws, "bootstrap"), "plans"),
      logDir: join(runDir(ws, "bootstrap"), "logs"),
      ...(values["lock-timeout"] ? { lockTimeout: parseLockTimeout(values["lock-timeout"]) } : {}),
      autoApprove: values["auto-approve"] ?? false,
      ...(values.reconfigure ? { backendChange: "reconfigure" as const } : {}),
      committedLock: readIfExists(committedLockPath(ws.root, binary)),
      commit: headCommit(ws.root),
      json: false,
    },
    io,
  );
  return result.code;
}
