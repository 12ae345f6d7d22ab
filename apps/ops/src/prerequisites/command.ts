import { type Prerequisite, type PrerequisiteReport, type ResolvedEnv, blocksDeployOf, prerequisiteReports } from "@infra/config";
import { readPrerequisitesFile } from "@infra/workloads";
import { ENVS, UsageError, findEnv } from "../envs";
import { synthAll, synthSummary } from "../synth-all";
import { cdktfOut, type Workspace } from "../operate/context";
import type { CliIo } from "../operate/stack-command";
import { type CheckContext, type CheckStatus, checkPrerequisites, spawnRunner } from "./check";

export interface PreflightValues {
  readonly json?: boolean | undefined;
  readonly check?: boolean | undefined;
  readonly "no-synth"?: boolean | undefined;
}

/** One prerequisite as `infra preflight` shows it: the report (what, where, who needs it, the fix) and, with --check, what AWS said. */
export interface PreflightEntry extends PrerequisiteReport {
  readonly kind: Prerequisite["requirement"]["kind"];
  readonly check?: CheckStatus;
}

export function checkContext(env: NodeJS.ProcessEnv): CheckContext {
  return { run: spawnRunner(env), aws: env["INFRA_AWS_CLI"] || "aws" };
}

/** The env's prerequisites from its last synth; a usage error when there is none. */
export function envPrerequisiteList(env: ResolvedEnv, ws: Workspace): readonly Prerequisite[] {
  const file = readPrerequisitesFile(cdktfOut(ws, env.name));
  if (!file) throw new UsageError(`apps/${env.name}/cdktf.out has no prerequisites.json: run \`npm run infra -- synth --env ${env.name}\` first`);
  return file.prerequisites;
}

/** The reports of `list`, with the env's name where a fix command needs it. */
function reportsOf(list: readonly Prerequisite[], env: ResolvedEnv, selected: ReadonlySet<string>): PrerequisiteReport[] {
  const envAccounts = Object.fromEntries(ENVS.map((e) => [e.name, e.accountId]));
  return prerequisiteReports(list, { envAccounts, stacks: selected }).map((r) => ({
    ...r,
    fix: r.fix.map((f) => f.replace("--env <env>", `--env ${env.name}`)),
  }));
}

/** A long list (the state backend: every stack) as its first few and a count. */
function shortList(items: readonly string[], max = 4): string {
  return items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/**
 * `infra preflight --env X [filters] [--check] [--json]`: what must exist before `deploy` that no stack
 * of the env creates, with the commands that provide each; `--check` asks AWS (exit 1 when something
 * that blocks the selected stacks is missing).
 */
export function preflightCommand(
  values: PreflightValues,
  env: ResolvedEnv,
  stacks: readonly string[],
  io: CliIo,
  ws: Workspace,
  ctx: CheckContext = checkContext(io.env),
): number {
  if (!values["no-synth"]) {
    for (const line of synthSummary(synthAll([findEnv(env.name)], (name) => cdktfOut(ws, name)))) io.stderr(`${line}\n`);
  }
  const selected = new Set(stacks);
  const relevant = envPrerequisiteList(env, ws).filter((p) => p.neededBy.some((n) => selected.has(n.stack)) || p.after.some((s) => selected.has(s)));
  const reports = reportsOf(relevant, env, selected);
  const checks = values.check ? checkPrerequisites(relevant, ctx) : undefined;
  const entries: PreflightEntry[] = reports.map((r, i) => ({ ...r, kind: relevant[i]!.requirement.kind, ...(checks ? { check: checks[i]! } : {}) }));
  const missing = entries.filter((e) => e.blocksDeploy && e.check?.status === "missing");
  if (values.json) {
    io.stdout(`${JSON.stringify({ env: env.name, accountId: env.accountId, prerequisites: entries }, null, 2)}\n`);
  } else {
    io.stdout(formatPreflight(env, entries, values.check ?? false));
  }
  return missing.length > 0 ? 1 : 0;
}

export function formatPreflight(env: ResolvedEnv, entries: readonly PreflightEntry[], checked: boolean): string {
  const blocking = entries.filter((e) => e.blocksDeploy).length;
  const lines = [`preflight ${env.name} (account ${env.accountId}): ${entries.length} prerequisites, ${blocking} block a deploy of these stacks`];
  for (const e of entries) {
    const mark = !e.check
      ? e.blocksDeploy
        ? "needed "
        : "listed "
      : e.check.status === "present"
        ? "present"
        : e.check.status === "missing"
          ? "MISSING"
          : "unknown";
    lines.push("", `${mark}  ${e.summary}  [${e.accountId} ${e.region}]`);
    if (e.check) lines.push(`         check: ${e.check.detail}`);
    if (e.neededBy.length) lines.push(`         needed by: ${shortList(e.neededBy)}`);
    if (e.after.length) lines.push(`         after: ${e.after.join(", ")} (the stack that creates what it goes into)`);
    lines.push(`         why: ${e.reason}`, "         fix:", ...e.fix.map((f) => `           ${f}`));
  }
  if (!checked && entries.length) lines.push("", "--check asks AWS (with the current credentials) which of these exist.");
  return `${lines.join("\n")}\n`;
}

/**
 * What `deploy` checks before it runs: the prerequisites that fail a selected stack's plan or apply
 * and that nothing in this run provides first. Missing ones refuse the run with their fix commands
 * (unless --skip-preflight); ones AWS cannot answer for are named on stderr and the run goes on.
 * Prerequisites that go into something this run creates (a delegation of a zone whose stack is in the
 * run) are printed as steps to take during the run.
 */
export function deployPreflight(
  env: ResolvedEnv,
  stacks: readonly string[],
  skip: boolean,
  io: CliIo,
  ws: Workspace,
  ctx: CheckContext = checkContext(io.env),
): number {
  const selected = new Set(stacks);
  const blocking = envPrerequisiteList(env, ws).filter((p) => blocksDeployOf(p, selected));
  const duringRun = blocking.filter((p) => p.after.some((s) => selected.has(s)));
  const before = blocking.filter((p) => !duringRun.includes(p));
  const reports = reportsOf(before, env, selected);
  const checks = before.length ? checkPrerequisites(before, ctx) : [];
  const missing = reports.filter((_, i) => checks[i]!.status === "missing");
  const unknown = reports.map((r, i) => [r, checks[i]!] as const).filter(([, c]) => c.status === "unchecked");
  for (const [r, c] of unknown) io.stderr(`preflight: not verified: ${r.summary} (${c.detail})\n`);
  for (const p of duringRun) {
    const needs = p.neededBy.filter((n) => selected.has(n.stack)).map((n) => n.stack);
    io.stderr(
      `preflight: during this run, after ${p.after.join(", ")} and before ${needs.join(", ")}: ${prerequisiteReports([p])[0]!.summary} (npm run infra -- preflight --env ${env.name} prints the commands)\n`,
    );
  }
  if (missing.length === 0) return 0;
  const text = missing
    .flatMap((r) => [`  MISSING ${r.summary}  [${r.accountId} ${r.region}]`, `    needed by: ${shortList(r.neededBy)}`, ...r.fix.map((f) => `      ${f}`)])
    .join("\n");
  if (skip) {
    io.stderr(`preflight: ${missing.length} missing prerequisites, deploying anyway (--skip-preflight):\n${text}\n`);
    return 0;
  }
  io.stderr(`preflight: ${missing.length} prerequisites of this deploy are missing; provide them, or pass --skip-preflight:\n${text}\n`);
  return 1;
}
