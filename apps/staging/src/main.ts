import { WORKLOADS } from "@envs/envcommon";
import { env } from "@envs/staging";
import { root } from "@envs/root";
import { runEnvApp } from "@infra/workloads";
import { resolve } from "node:path";

runEnvApp(env, { root, workloads: WORKLOADS, outdir: resolve(__dirname, "..", "cdktf.out") });
