import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { type EnvConfig, type ResolvedEnv, resolveEnv } from "@infra/config";
import { type StackJson, synthEnvJson } from "@infra/workloads";
import { CATEGORIES, type CostCategory, type Estimate, estimate } from "./cost/estimate";
import { HOURS_PER_MONTH, PRICES } from "./cost/prices";
import { join, resolve } from "node:path";
import { costDiff, formatCostDiff } from "./cost-diff";
import { ENVS, UsageError, findEnv } from "./envs";
import { WORKSPACE_ROOT } from "./run";

export interface WorkloadCost {
  readonly workload: string;
  readonly byCategory: Readonly<Record<CostCategory, number>>;
  readonly total: number;
  /** What the workload's seed says this env costs, for comparison. */
  readonly seed: string;
}

export interface EnvCost extends Estimate {
  readonly env: string;
  readonly accountId: string;
  readonly hoursPerMonth: number;
  readonly priceDate: string;
  readonly workloads: readonly WorkloadCost[];
}

const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * The seeds' own estimates. Theirs include usage (requests, storage, transfer) where they say so;
 * ours is the fixed monthly part only, so a usage-heavy seed figure is expected to be higher.
 */
export function seedEstimate(workload: string, env: ResolvedEnv): string {
  const config = (env.workloads[workload] ?? {}) as Record<string, unknown>;
  switch (workload) {
    case "platform":
      return (
        { dev: "~$50-70", staging: "~$100-150", uat: "~$150-200", prod: "~$300-500+" }[env.name as string]?.concat(" (seed 004 cost allocation table)") ??
        "seed 004 has no figure for this env"
      );
    case "aerologue":
      return env.name === "prod" ? "~$186 incl. usage (seed 000 ARC-011, MVP, one region)" : "seed 000 ARC-011 gives ~$186 for the prod MVP only";
    case "atlas": {
      const phase = Number(config["phase"]);
      const range = { 1: "$150-200", 2: "$500-800", 3: "$2,300-2,900 incl. staging ~$570", 4: "$2,400-2,900 incl. staging ~$570" }[phase];
      return range ? `${range} for phase ${phase} (seed 001 phase table)` : "seed 001 phase table: unknown phase";
    }
    case "milequest":
      return "unit prices only (seed 003 diagram: NAT $45/mo, Aurora $0.12/ACU-h)";
    case "timeline": {
      const budget = (config["budget"] as { monthlyLimitUsd?: number } | undefined)?.monthlyLimitUsd;
      return budget ? `no figure in seed 002; budget alarm at $${budget}/mo (env.ts)` : "no figure in seed 002";
    }
    default:
      return "-";
  }
}

/**
 * Synthesize one env (policy pack in report mode: pricing never fails on a violation) and price it.
 * `synthesized`: the env's stacks from a synth the caller already ran (the docs generator reuses one synth).
 */
export function costOfEnv(config: EnvConfig, synthesized?: readonly StackJson[]): EnvCost {
  const env = resolveEnv(root, config, WORKLOADS);
  const workloadOf = new Map(env.deployments.map((d) => [d.stackName, d.workload]));
  const stacks = synthesized ?? synthEnvJson(config, { root, workloads: WORKLOADS, policy: { mode: "report", onReport: () => {} } });
  const result = estimate(
    stacks.map((s) => ({ stack: s.stackName, workload: workloadOf.get(s.stackName)!, json: s.json as { resource?: Record<string, Record<string, unknown>> } })),
  );
  const workloadNames = [...new Set(env.deployments.map((d) => d.workload))];
  const workloads = workloadNames.map((workload) => {
    const mine = result.items.filter((i) => i.workload === workload);
    const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, cents(mine.filter((i) => i.category === c).reduce((n, i) => n + i.monthly, 0))])) as Record<
      CostCategory,
      number
    >;
    return { workload, byCategory, total: cents(mine.reduce((n, i) => n + i.monthly, 0)), seed: seedEstimate(workload, env) };
  });
  return { env: env.name, accountId: env.accountId, hoursPerMonth: HOURS_PER_MONTH, priceDate: PRICES.natGateway.date, workloads, ...result };
}

export const usd = (n: number) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The env's cost as markdown: a table per workload and category, the seeds' figures, what is not priced. */
export function formatEnvCost(c: EnvCost): string {
  const lines = [
    `### ${c.env} (account ${c.accountId}): ~${usd(c.total)}/month fixed`,
    "",
    `On-demand us-east-1 prices of ${c.priceDate} (apps/ops/src/cost/prices.ts), ${c.hoursPerMonth} h/month, every region at us-east-1 rates; usage-based charges not included.`,
    "",
    `| workload | ${CATEGORIES.join(" | ")} | total | the seed says |`,
    `|---|${CATEGORIES.map(() => "--:").join("|")}|--:|---|`,
    ...c.workloads.map((w) => `| ${w.workload} | ${CATEGORIES.map((k) => usd(w.byCategory[k])).join(" | ")} | **${usd(w.total)}** | ${w.seed} |`),
    `| **${c.env}** | ${CATEGORIES.map((k) => usd(cents(c.workloads.reduce((n, w) => n + w.byCategory[k], 0)))).join(" | ")} | **${usd(c.total)}** | |`,
    "",
  ];
  const groups = new Map<string, { count: number; reason: string; kind: string }>();
  for (const u of c.unpriced) {
    const key = `${u.kind}|${u.type}|${u.reason}`;
    groups.set(key, { count: (groups.get(key)?.count ?? 0) + 1, reason: u.reason, kind: u.kind });
  }
  const sorted = [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const usage = sorted.filter(([, g]) => g.kind === "usage").map(([k, g]) => `${k.split("|")[1]} ×${g.count} (${g.reason})`);
  const unknown = sorted.filter(([, g]) => g.kind === "unknown").map(([k, g]) => `${k.split("|")[1]} ×${g.count}: ${g.reason}`);
  lines.push(`Not priced, usage-based (${c.unpriced.filter((u) => u.kind === "usage").length} resources): ${usage.length ? usage.join("; ") : "none"}.`);
  lines.push("");
  lines.push(`Not priced, size or type missing from the price table: ${unknown.length ? unknown.join("; ") : "none"}.`);
  return `${lines.join("\n")}\n`;
}

/** One line per env, and the sum. */
export function formatSummary(costs: readonly EnvCost[]): string {
  const lines = ["| env | fixed monthly | priced resources | usage-based, not priced | not in the price table |", "|---|--:|--:|--:|--:|"];
  for (const c of costs) {
    lines.push(
      `| ${c.env} | ${usd(c.total)} | ${c.items.length} | ${c.unpriced.filter((u) => u.kind === "usage").length} | ${c.unpriced.filter((u) => u.kind === "unknown").length} |`,
    );
  }
  lines.push(`| **all envs** | **${usd(cents(costs.reduce((n, c) => n + c.total, 0)))}** | | | |`);
  return `${lines.join("\n")}\n`;
}

/** `infra cost`: one env, or every env with a summary; `--json` for machines. */
export function costCommand(
  values: { env?: string | undefined; json?: boolean | undefined; "base-dir"?: string | undefined },
  outRoot = WORKSPACE_ROOT,
): number {
  if (values["base-dir"]) {
    if (!values.env) throw new UsageError("cost --base-dir needs --env <env>");
    const env = findEnv(values.env).name;
    const stacks = (r: string) => join(r, "apps", env, "cdktf.out", "stacks");
    const diff = costDiff(env, stacks(resolve(values["base-dir"])), stacks(outRoot));
    process.stdout.write(values.json ? `${JSON.stringify(diff, null, 2)}\n` : formatCostDiff(diff));
    return 0;
  }
  const costs = (values.env ? [findEnv(values.env)] : ENVS).map((env) => costOfEnv(env));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(values.env ? costs[0] : costs, null, 2)}\n`);
    return 0;
  }
  const parts = costs.map(formatEnvCost);
  if (!values.env) parts.push(`### Every env\n\n${formatSummary(costs)}`);
  process.stdout.write(parts.join("\n"));
  return 0;
}
