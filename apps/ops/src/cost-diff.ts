import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { estimate, type PricedStack } from "./cost/estimate";
import { UsageError } from "./envs";

/**
 * The monthly estimate of a PR against its base: both sides priced from their synthesized JSON
 * (`apps/<env>/cdktf.out/stacks/*`) with this checkout's price table, so the difference is the
 * config change alone.
 */
export interface CostDiff {
  readonly env: string;
  readonly base: number;
  readonly head: number;
  readonly delta: number;
  readonly workloads: readonly { workload: string; base: number; head: number; delta: number }[];
  /** Line items that appear, disappear or change price. */
  readonly changes: readonly { stack: string; address: string; base: number; head: number; description: string }[];
}

const cents = (n: number) => Math.round(n * 100) / 100;

/** Reads every stack of a synthesized env; the workload comes from the provider's default Workload tag. */
export function readSynthesized(stacksDir: string): PricedStack[] {
  if (!existsSync(stacksDir)) return [];
  return readdirSync(stacksDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(stacksDir, d.name, "cdk.tf.json")))
    .map((d) => {
      const json = JSON.parse(readFileSync(join(stacksDir, d.name, "cdk.tf.json"), "utf8")) as PricedStack["json"] & {
        provider?: { aws?: { default_tags?: { tags?: Record<string, string> }[] }[] };
      };
      const workload = json.provider?.aws?.[0]?.default_tags?.[0]?.tags?.["Workload"] ?? "other";
      return { stack: d.name, workload, json };
    })
    .sort((a, b) => a.stack.localeCompare(b.stack));
}

export function costDiff(env: string, baseStacksDir: string, headStacksDir: string): CostDiff {
  if (!existsSync(headStacksDir)) throw new UsageError(`${headStacksDir} is missing: synthesize ${env} first (infra synth --env ${env})`);
  const base = estimate(readSynthesized(baseStacksDir));
  const head = estimate(readSynthesized(headStacksDir));
  const names = [...new Set([...base.items, ...head.items].map((i) => i.workload))].sort();
  const sum = (items: typeof base.items, w?: string) => cents(items.filter((i) => !w || i.workload === w).reduce((n, i) => n + i.monthly, 0));
  const key = (i: { stack: string; address: string }) => `${i.stack}\u0000${i.address}`;
  const before = new Map(base.items.map((i) => [key(i), i]));
  const after = new Map(head.items.map((i) => [key(i), i]));
  const changes = [...new Set([...before.keys(), ...after.keys()])]
    .map((k) => ({ b: before.get(k), h: after.get(k) }))
    .filter(({ b, h }) => (b?.monthly ?? 0) !== (h?.monthly ?? 0) || b?.description !== h?.description)
    .map(({ b, h }) => ({
      stack: (h ?? b)!.stack,
      address: (h ?? b)!.address,
      base: b?.monthly ?? 0,
      head: h?.monthly ?? 0,
      description: (h ?? b)!.description,
    }))
    .sort((x, y) => Math.abs(y.head - y.base) - Math.abs(x.head - x.base) || x.stack.localeCompare(y.stack) || x.address.localeCompare(y.address));
  return {
    env,
    base: sum(base.items),
    head: sum(head.items),
    delta: cents(sum(head.items) - sum(base.items)),
    workloads: names.map((w) => ({ workload: w, base: sum(base.items, w), head: sum(head.items, w), delta: cents(sum(head.items, w) - sum(base.items, w)) })),
    changes,
  };
}

const usd = (n: number) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const signed = (n: number) => (n > 0 ? `+${usd(n)}` : n < 0 ? `-${usd(-n)}` : "±$0.00");

/** Markdown for the PR comment. */
export function formatCostDiff(d: CostDiff): string {
  const pct = d.base ? `, ${d.delta >= 0 ? "+" : ""}${((d.delta / d.base) * 100).toFixed(1)}%` : "";
  const lines = [`### Cost: \`${d.env}\``, "", `Fixed monthly estimate: ${usd(d.base)} → **${usd(d.head)}** (${signed(d.delta)}${pct}).`];
  const moved = d.workloads.filter((w) => w.delta !== 0);
  if (moved.length)
    lines.push(
      "",
      "| workload | base | this change | difference |",
      "|---|--:|--:|--:|",
      ...moved.map((w) => `| ${w.workload} | ${usd(w.base)} | ${usd(w.head)} | ${signed(w.delta)} |`),
    );
  if (d.changes.length) {
    lines.push(
      "",
      `<details><summary>Priced resources that change (${d.changes.length})</summary>`,
      "",
      "| stack | resource | base | this change | what |",
      "|---|---|--:|--:|---|",
    );
    lines.push(
      ...d.changes.slice(0, 50).map((c) => `| \`${c.stack}\` | \`${c.address}\` | ${usd(c.base)} | ${usd(c.head)} | ${c.description.replace(/\|/g, "\\|")} |`),
    );
    if (d.changes.length > 50) lines.push(`| … ${d.changes.length - 50} more | | | | |`);
    lines.push("", "</details>");
  }
  lines.push("", "<sub>On-demand prices (apps/ops/src/cost/prices.ts), fixed charges only; usage-based charges are not estimated.</sub>");
  return `${lines.join("\n")}\n`;
}
