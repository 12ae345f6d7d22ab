import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import type { EnvConfig } from "@infra/config";
import { type PolicyReport, formatReport, unusedAcross } from "@infra/policy";
import { ENVS, findEnv } from "./envs";
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
  return policyResultOf(env.name, reports, preflight);
}

/** An env's policy result from the reports of a synth that already ran (report mode). */
export function policyResultOf(env: string, reports: readonly PolicyReport[], preflight: readonly PolicyReport[] = []): EnvPolicyResult {
  return {
    env,
    reports,
    text: formatReport(reports, env),
    failed: failures(reports),
    preflight: { reports: preflight, text: formatReport(preflight, `${env} preflight`), failed: failures(preflight), mode: root.preflight?.mode ?? "enforce" },
  };
}

/** Per env: counts, then every failure (rule, resource, what was found), then waiver problems. Failures first. */
export interface PolicySummary {
  readonly env: string;
  readonly resources: number;
  readonly checks: number;
  readonly passed: number;
  readonly waived: number;
  readonly failed: number;
  readonly failures: readonly { rule: string; title: string; resource: string; findings: string }[];
  readonly waiverProblems: readonly string[];
  /** Waived checks per rule, most first. */
  readonly waivedByRule: readonly { rule: string; count: number }[];
}

export function summarizePolicy(result: EnvPolicyResult): PolicySummary {
  const all = result.reports.flatMap((r) => r.results);
  const by = (s: string) => all.filter((r) => r.status === s);
  const waivedCounts = new Map<string, number>();
  for (const r of by("waived")) waivedCounts.set(r.rule, (waivedCounts.get(r.rule) ?? 0) + 1);
  const unused = unusedAcross(result.reports);
  return {
    env: result.env,
    resources: result.reports.reduce((n, r) => n + r.resources, 0),
    checks: all.length,
    passed: by("passed").length,
    waived: by("waived").length,
    failed: by("failed").length,
    failures: by("failed")
      .sort((a, b) => a.rule.localeCompare(b.rule) || a.stack.localeCompare(b.stack) || a.address.localeCompare(b.address))
      .map((r) => ({
        rule: r.rule,
        title: r.title,
        resource: `${r.stack}/${r.address}`,
        findings: r.findings.map((f) => `${f.attribute} = ${f.found}, expected ${f.expected}`).join("; "),
      })),
    waiverProblems: [
      ...unused.map((w) => `unused waiver ${w.rule} ${w.address}`),
      ...result.reports.flatMap((r) => r.expiredWaivers.map((w) => `expired waiver ${w.rule} ${w.address} (${w.expires})`)),
      ...result.reports.flatMap((r) => r.invalidWaivers.map((i) => `invalid waiver ${i.waiver.rule} ${i.waiver.address}: ${i.problems.join("; ")}`)),
      ...result.reports.flatMap((r) => r.rejectedWaivers.map((x) => `rejected waiver ${x.waiver.rule} on ${x.address}: ${x.reason}`)),
    ].filter((v, i, a) => a.indexOf(v) === i),
    waivedByRule: [...waivedCounts].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
  };
}

/** Markdown for a PR comment: a verdict line, failures first, then waiver problems and the waived rules. */
export function formatPolicySummary(s: PolicySummary): string {
  const cell = (t: string) => t.replace(/\|/g, "\\|");
  const lines = [
    `### Policy pack: \`${s.env}\``,
    "",
    `${s.failed ? "❌" : "✅"} ${s.resources} resources, ${s.checks} checks: **${s.failed} failed**, ${s.waived} waived, ${s.passed} passed.`,
  ];
  if (s.failures.length) {
    lines.push(
      "",
      "| rule | resource | found |",
      "|---|---|---|",
      ...s.failures.map((f) => `| ${f.rule} ${cell(f.title)} | \`${cell(f.resource)}\` | ${cell(f.findings)} |`),
    );
  }
  if (s.waiverProblems.length) lines.push("", ...s.waiverProblems.map((p) => `- ⚠️ ${p}`));
  if (s.waivedByRule.length)
    lines.push(
      "",
      `<details><summary>Waived checks by rule (${s.waived})</summary>`,
      "",
      ...s.waivedByRule.map((w) => `- ${w.rule}: ${w.count}`),
      "",
      "</details>",
    );
  return `${lines.join("\n")}\n`;
}

/** `infra policy [--env e] [--summary] [--json]`: exit 1 when any check failed. */
export function policyCommand(
  values: { env?: string | undefined; json?: boolean | undefined; summary?: boolean | undefined },
  io: { stdout: (t: string) => void },
): number {
  const envs = values.env ? [findEnv(values.env)] : ENVS;
  const results = envs.map((env) => policyReport(env));
  // The preflight family (docs/preflight.md) counts towards the exit code only in enforce mode (root config).
  const failed = results.reduce((n, r) => n + r.failed + (r.preflight.mode === "enforce" ? r.preflight.failed : 0), 0);
  if (values.json) {
    const summaries = results.map(summarizePolicy);
    io.stdout(`${JSON.stringify(values.env ? summaries[0] : summaries, null, 2)}\n`);
  } else if (values.summary) {
    io.stdout(results.map((r) => formatPolicySummary(summarizePolicy(r))).join("\n"));
  } else {
    for (const r of results) io.stdout(`${r.text}\n\npreflight-rules (${r.preflight.mode} mode)\n${r.preflight.text}\n\n`);
    const lastLine = (text: string) => text.trim().split("\n").at(-1)!;
    io.stdout(`${results.flatMap((r) => [lastLine(r.text), `${lastLine(r.preflight.text)} (${r.preflight.mode})`]).join("\n")}\n`);
  }
  return failed > 0 ? 1 : 0;
}
