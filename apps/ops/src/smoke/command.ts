import type { ResolvedEnv } from "@infra/config";
import { UsageError } from "../envs";
import type { CliIo } from "../operate/stack-command";
import { SMOKE_SUITES, type SmokeCheck } from "./checks";
import { type ProbeResult, mismatch, probe } from "./probe";

export interface SmokeOptions {
  readonly workload?: readonly string[];
  readonly json?: boolean;
  readonly "connect-to"?: string;
}

export interface SmokeOutcome {
  readonly check: SmokeCheck;
  readonly result: ProbeResult;
  readonly attempts: number;
  /** Undefined when the check passed. */
  readonly failure?: string;
}

/**
 * Run a check up to `attempts` times (a just-applied distribution or API can answer late): the
 * first pass wins, the last failure is reported.
 */
async function runCheck(check: SmokeCheck, attempts: number, pauseMs: number, connectTo: URL | undefined): Promise<SmokeOutcome> {
  let last: SmokeOutcome | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const result = await probe(check, { connectTo });
    const failure = mismatch(check, result);
    last = { check, result, attempts: attempt, ...(failure ? { failure } : {}) };
    if (!failure) return last;
    if (attempt < attempts) await new Promise((r) => setTimeout(r, pauseMs));
  }
  return last!;
}

function parseConnectTo(raw: string | undefined): URL | undefined {
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--connect-to ${raw}: must be an origin like http://127.0.0.1:8080 or https://203.0.113.7`);
  }
  if (!["http:", "https:"].includes(url.protocol) || (url.pathname !== "/" && url.pathname !== "")) {
    throw new UsageError(`--connect-to ${raw}: must be an http(s) origin without a path, like http://127.0.0.1:8080`);
  }
  return url;
}

/**
 * `infra smoke --env <env> [--workload <w>] [--json] [--connect-to <origin>]`: the integration
 * checks of every selected workload the env runs (ARC-014's step between staging's apply and prod's
 * approval). Exit 0 when every check passed, 1 when one failed.
 * Attempts per check: $INFRA_SMOKE_ATTEMPTS (default 3), $INFRA_SMOKE_PAUSE_MS apart (default 5000);
 * $INFRA_SMOKE_CONNECT_TO is --connect-to's default.
 */
export async function smokeCommand(values: SmokeOptions, env: ResolvedEnv, io: CliIo): Promise<number> {
  const known = Object.keys(SMOKE_SUITES);
  for (const w of values.workload ?? []) {
    if (!known.includes(w)) throw new UsageError(`--workload ${w}: no integration checks defined for it (workloads with checks: ${known.join(", ")})`);
  }
  // The environment variable lets a test run the workflow's exact command line against a stand-in.
  const connectTo = parseConnectTo(values["connect-to"] ?? io.env["INFRA_SMOKE_CONNECT_TO"]);
  const attempts = Math.max(1, Number(io.env["INFRA_SMOKE_ATTEMPTS"] ?? "3") || 3);
  const pauseMs = Math.max(0, Number(io.env["INFRA_SMOKE_PAUSE_MS"] ?? "5000") || 0);
  const selected = values.workload?.length ? values.workload : known;
  const checks = selected.flatMap((w) => SMOKE_SUITES[w]!(env));
  if (checks.length === 0) {
    io.stdout(`smoke ${env.name}: none of ${selected.join(", ")} is deployed here; nothing to check\n`);
    return 0;
  }

  const outcomes: SmokeOutcome[] = [];
  for (const check of checks) outcomes.push(await runCheck(check, attempts, pauseMs, connectTo));
  const failed = outcomes.filter((o) => o.failure);

  if (values.json) {
    io.stdout(
      `${JSON.stringify(
        {
          env: env.name,
          ...(connectTo ? { connectTo: connectTo.origin } : {}),
          passed: outcomes.length - failed.length,
          failed: failed.length,
          checks: outcomes.map((o) => ({
            workload: o.check.workload,
            name: o.check.name,
            method: o.check.request.method,
            url: o.check.request.url,
            expect: o.check.expect,
            status: o.result.status ?? null,
            attempts: o.attempts,
            ok: !o.failure,
            ...(o.failure ? { failure: o.failure } : {}),
          })),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    io.stdout(`smoke ${env.name}${connectTo ? ` (connecting to ${connectTo.origin})` : ""}:\n`);
    const width = Math.max(...outcomes.map((o) => `${o.check.workload}/${o.check.name}`.length));
    for (const o of outcomes) {
      const id = `${o.check.workload}/${o.check.name}`.padEnd(width);
      const got = o.result.status !== undefined ? String(o.result.status) : "no response";
      io.stdout(
        `  ${o.failure ? "FAIL" : "ok  "} ${id}  ${o.check.request.method} ${o.check.request.url} -> ${got}${o.failure ? `: ${o.failure} (after ${o.attempts} attempts)` : ""}\n`,
      );
      if (o.failure) io.stdout(`       ${" ".repeat(width)}  checks that ${o.check.purpose}\n`);
    }
    io.stdout(`${outcomes.length - failed.length} passed, ${failed.length} failed\n`);
  }
  return failed.length ? 1 : 0;
}
