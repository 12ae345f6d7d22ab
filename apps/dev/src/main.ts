import { WORKLOADS } from "@envs/envcommon";
import { env } from "@envs/dev";
import { root } from "@envs/root";
import { runEnvApp } from "@infra/workloads";
import { resolve } from "node:path";

runEnvApp(env, {
  root,
  workloads: WORKLOADS,
  // The cdktf CLI (cdktf synth/plan in apps/<env>) names the output directory in CDKTF_OUTDIR.
  outdir: process.env["CDKTF_OUTDIR"] ?? resolve(__dirname, "..", "cdktf.out"),
});
