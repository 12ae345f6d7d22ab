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
  /** The preflight family's reports (docs/preflight.md), one per stack. */
  readonly preflight: {
    readonly reports: readonly PolicyReport[];
    readonly text: string;
    readonly failed: number;
    /** The root config's mode: in `report` mode its failures do not fail the command. */
    readonly mode: "enforce" | "report";
  };
}

const failures = (reports: readonly PolicyReport[]) => reports.reduce((n, r) => n + r.results.filter((x) => x.status === "failed").length, 0);

/**
 * Synthesize an env in report mode and collect every stack's policy report (rules × resources) and
 * its preflight report (stack and env-scope rules, computed once after every stack).
 */
export function policyReport(env: EnvConfig, today?: string): EnvPolicyResult {
  const reports: PolicyReport[] = [];
  const preflight: PolicyReport[] = [];
  const outdir = mkdtempSync(join(tmpdir(), `policy-${env.name}-`));
  try {
    const { app } = buildEnv(env, {
      root,
      workloads: WORKLOADS,
      outdir,
      policy: { mode: "report", ...(today ? { today } : {}), onReport: (r) => reports.push(r) },
      preflight: { mode: "report", onReport: (r) => preflight.push(r) },
    });
    app.synth();
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  return {
    env: env.name,
    reports,
    text: formatReport(reports, env.name),
    failed: failures(reports),
    preflight: { reports: preflight, text: formatReport(preflight, `${env.name} preflight`), failed: failures(preflight), mode: root.preflight?.mode ?? "enforce" },
  };
}
