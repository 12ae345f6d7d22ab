import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { ENVS, UsageError } from "./envs";
import { chooseBinary, probeBinary } from "./operate/binary";
import { stacksDir, type Workspace } from "./operate/context";
import { exec } from "./operate/exec";
import type { CliIo } from "./operate/stack-command";
import { LOCK_FILE, committedLockPath } from "./operate/workdir";
import { root } from "@envs/root";
import { rootConfig } from "@infra/config";

/** Platforms the committed lock file carries checksums for (CI runners and engineers' machines). */
export const LOCK_PLATFORMS = ["linux_amd64", "linux_arm64", "darwin_amd64", "darwin_arm64"];

/**
 * `infra lock`: writes the committed dependency lock file every stack shares
 * (`environments/providers/<tofu|terraform>.terraform.lock.hcl`) with `providers lock` for every
 * platform in LOCK_PLATFORMS. It needs the provider registry. Once committed, every init copies it
 * into the stack and verifies it (`-lockfile=readonly`): a provider that does not match fails init.
 */
export async function lockCommand(values: { binary?: string | undefined; out?: string | undefined }, io: CliIo, ws: Workspace): Promise<number> {
  const binary = probeBinary(chooseBinary(values.binary, io.env), rootConfig.parse(root).terraformVersion, io.env);
  const providers: Record<string, unknown> = {};
  for (const env of ENVS) {
    const dir = stacksDir(ws, env.name);
    if (!existsSync(dir)) continue;
    for (const stack of readdirSync(dir)) {
      const file = join(dir, stack, "cdk.tf.json");
      if (!existsSync(file)) continue;
      Object.assign(providers, (JSON.parse(readFileSync(file, "utf8")) as { terraform?: { required_providers?: object } }).terraform?.required_providers ?? {});
    }
  }
  if (!Object.keys(providers).length) throw new UsageError("no synthesized stacks to read the providers from: run synth first (npm run synth)");
  const scratch = mkdtempSync(join(tmpdir(), "infra-lock-"));
  try {
    writeFileSync(join(scratch, "main.tf.json"), JSON.stringify({ terraform: { required_providers: providers } }));
    const r = await exec({
      command: binary.command,
      args: ["providers", "lock", ...LOCK_PLATFORMS.map((p) => `-platform=${p}`)],
      cwd: scratch,
      env: { ...io.env, TF_IN_AUTOMATION: "1" },
      output: { kind: "stdout-to-stderr" },
    });
    if (r.code !== 0) return r.code;
    const target = values.out ? resolve(values.out) : committedLockPath(ws.root, binary);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, readFileSync(join(scratch, LOCK_FILE)));
    io.stdout(`wrote ${relative(ws.root, target)} (${Object.keys(providers).join(", ")}; ${LOCK_PLATFORMS.join(", ")}): commit it\n`);
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
