import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import type { EnvConfig } from "@infra/config";
import { type PolicyReport, formatReport } from "@infra/policy";
import { buildEnv } from "@infra/workloads";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface EnvPolicyResult {
  readonly env: string;
  readonly reports: readonly PolicyReport[];
  readonly text: string;
  readonly failed: number;
}

/** Synthesize an env in report mode and collect every stack's policy report: rules × resources. */
export function policyReport(env: EnvConfig, today?: string): EnvPolicyResult {
  const reports: PolicyReport[] = [];
  const outdir = mkdtempSync(join(tmpdir(), `policy-${env.name}-`));
  try {
    const { app } = buildEnv(env, {
      root,
      workloads: WORKLOADS,
      outdir,
      policy: { mode: "report", ...(today ? { today } : {}), onReport: (r) => reports.push(r) },
    });
    app.synth();
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  const failed = reports.reduce((n, r) => n + r.results.filter((x) => x.status === "failed").length, 0);
  return { env: env.name, reports, text: formatReport(reports, env.name), failed };
}
