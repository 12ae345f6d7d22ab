/**
 * The root cdktf.json's app: every env's stacks in one cdktf App, so `npx cdktf list` / `npx cdktf synth`
 * at the workspace root see everything (stack names are unique across envs). Per-env work uses
 * apps/<env>/cdktf.json instead.
 */
import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { ConfigError, resolveEnv, validateEnvSet } from "@infra/config";
import { composeEnv } from "@infra/core";
import { BUILDERS } from "@infra/workloads";
import { App } from "cdktf";
import { ENVS } from "./envs";

try {
  validateEnvSet(ENVS);
  const app = new App({ outdir: process.env["CDKTF_OUTDIR"] ?? "cdktf.out" });
  for (const env of ENVS) composeEnv(app, resolveEnv(root, env, WORKLOADS), BUILDERS);
  app.synth();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
