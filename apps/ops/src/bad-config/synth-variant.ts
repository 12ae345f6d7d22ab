import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import type { EnvConfig } from "@infra/config";
import { runEnvApp } from "@infra/workloads";
import { ALL_CASES } from "./topics";
import { findCase } from "./variants";

/**
 * Synthesize one bad-config case the way an env app does (runEnvApp: exit 1 and the ConfigError
 * message on stderr, no stack trace), to see exactly what a user sees:
 *
 *   CDKTF_OUTDIR=/tmp/out npx tsx --tsconfig tsconfig.base.json apps/ops/src/bad-config/synth-variant.ts "<case name>"
 */
const name = process.argv[2];
if (name !== undefined) {
  const variant = findCase(ALL_CASES, name).variant();
  const env = (Array.isArray(variant) ? variant[variant.length - 1] : variant) as EnvConfig;
  runEnvApp(env, { root, workloads: WORKLOADS, outdir: process.env["CDKTF_OUTDIR"] ?? "cdktf.out" });
}
