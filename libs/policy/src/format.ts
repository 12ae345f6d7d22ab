import type { CheckResult, PolicyReport } from "./report";
import { describeWaiver, type Waiver } from "./waivers";

const key = (w: Waiver) => `${w.rule}\u0000${w.address}\u0000${w.reason}\u0000${w.level ?? ""}`;

/**
 * An env's waivers are shared by all its stacks, so a waiver is unused only when no stack used
 * it (and no stack found it expired or rejected: those are reported on their own).
 */
export function unusedAcross(reports: readonly PolicyReport[]): Waiver[] {
  const used = new Set<string>();
  const candidates = new Map<string, Waiver>();
  for (const r of reports) {
    for (const w of r.unusedWaivers) candidates.set(key(w), w);
    for (const c of r.results) if (c.waiver) used.add(key(c.waiver));
    for (const w of r.rejectedWaivers) used.add(key(w.waiver));
  }
  return [...candidates.entries()].filter(([k]) => !used.has(k)).map(([, w]) => w);
}

function outcome(result: CheckResult): string {
  if (result.status === "passed") return "passed";
  if (result.status === "waived") return `waived (${result.waiver?.reason})`;
  return `FAILED: ${result.findings.map((f) => `${f.attribute} = ${f.found}, expected ${f.expected}`).join("; ")}`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
  // The last column is free text: not padded, so lines do not end in spaces.
  return rows.map((r) => r.map((cell, col) => (col === r.length - 1 ? cell : cell.padEnd(widths[col]!))).join("  "));
}

/**
 * A text report: one row per rule × resource (sorted by rule, then stack and address), the
 * waiver problems, and a one-line summary `<title>: N resources, N checks: ...`.
 */
export function formatReport(reports: readonly PolicyReport[], title = "policy"): string {
  const results = reports.flatMap((r) => r.results);
  const sorted = [...results].sort((a, b) => a.rule.localeCompare(b.rule) || a.stack.localeCompare(b.stack) || a.address.localeCompare(b.address));
  const lines = sorted.length
    ? table([["RULE", "RESOURCE", "RESULT"], ...sorted.map((r) => [r.rule, `${r.stack}/${r.address}`, outcome(r)])])
    : ["(no checks)"];
  const unused = unusedAcross(reports);
  const section = (heading: string, items: string[]) => (items.length ? ["", heading, ...items.map((i) => `  - ${i}`)] : []);
  const count = (status: CheckResult["status"]) => results.filter((r) => r.status === status).length;
  const resources = reports.reduce((n, r) => n + r.resources, 0);
  return [
    ...lines,
    ...section("Unused waivers (they waive nothing: remove them):", unused.map(describeWaiver)),
    ...section(
      "Expired waivers (no longer waive):",
      dedupe(reports.flatMap((r) => r.expiredWaivers)).map((w) => `${describeWaiver(w)} expired ${w.expires}`),
    ),
    ...section(
      "Rejected waivers:",
      reports.flatMap((r) => r.rejectedWaivers).map((r) => `${describeWaiver(r.waiver)} matched ${r.address}: ${r.reason}`),
    ),
    ...section("Invalid waivers (they waive nothing):", [
      ...new Set(reports.flatMap((r) => r.invalidWaivers.map((i) => `${describeWaiver(i.waiver)}: ${i.problems.join("; ")}`))),
    ]),
    "",
    `${title}: ${resources} resources, ${results.length} checks: ${count("passed")} passed, ${count("waived")} waived, ${count("failed")} failed, ${unused.length} unused waivers`,
  ].join("\n");
}

function dedupe(waivers: Waiver[]): Waiver[] {
  return [...new Map(waivers.map((w) => [key(w), w])).values()];
}

/** The synth failure text for one failed check: what, where, found vs expected, how to waive. */
export function formatViolation(result: CheckResult): string {
  const mirrors = result.mirrors.length ? ` (${result.mirrors.join(", ")})` : "";
  const where = `${result.stack}/${result.address}${result.constructPath ? ` (construct ${result.constructPath})` : ""}`;
  const example = `{ rule: "${result.rule}", address: "${result.stack}/${result.address}", reason: "<why this is acceptable here>" }`;
  return [
    `${result.rule}${mirrors}: ${result.title}`,
    `  resource: ${where}`,
    ...result.findings.flatMap((f) => [
      `  ${f.attribute}: found ${f.found}, expected ${f.expected}`,
      ...(f.consequence ? [`    when applied: ${f.consequence}`] : []),
    ]),
    ...(result.consequence && !result.findings.some((f) => f.consequence) ? [`  when violated: ${result.consequence}`] : []),
    ...result.notes.map((n) => `  note: ${n}`),
    `  to waive it, add to this environment's waivers (config) with a written reason:`,
    `    ${example}`,
  ].join("\n");
}
