import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TfBinary } from "./binary";
import { exec, type OutputMode } from "./exec";
import {
  LOCK_COPY,
  countsFromApplyLog,
  countsOf,
  dropPlan,
  fileSha256,
  outputsRead,
  planFileOf,
  readManifest,
  staleness,
  writeManifest,
  type PlanCounts,
  type PlanManifest,
  type PlanRecord,
} from "./plans";
import { Progress, summaryTable, type StackResult } from "./report";
import { schedule, type Outcome } from "./scheduler";
import { SharedLock, initDecision, readStackConfig, writeStamp, type StackConfig } from "./workdir";

/** What to do in every selected stack. */
export type StackRunAction =
  | {
      readonly kind: "plan";
      /** Keep the plan in the plan dir and record it in the manifest (`plan`); `diff` does not. */
      readonly save: boolean;
      /** Drift check: `-detailed-exitcode`, never locking; reports the drifted stacks. */
      readonly drift: boolean;
      /** false = `-lock=false` (read-only plans: PRs, drift). */
      readonly lock: boolean;
      /** Also write `show -json` / `show -no-color` of each plan here (for plan-summary). */
      readonly exportDir?: string;
    }
  | { readonly kind: "apply"; readonly fromPlan: boolean }
  | { readonly kind: "destroy" };

export interface StackRunRequest {
  /** The env (or `bootstrap`) whose stacks run; names the plan manifest. */
  readonly env: string;
  /** Directory holding `<stack>/cdk.tf.json` (`apps/<env>/cdktf.out/stacks`). */
  readonly stacksDir: string;
  /** Stacks in the order they may start (deploy order; reverse deploy order for destroy). */
  readonly order: readonly string[];
  /** Stack → stacks that must succeed first. */
  readonly waitsFor: ReadonlyMap<string, readonly string[]>;
  readonly action: StackRunAction;
  readonly binary: TfBinary;
  readonly parallelism: number;
  /** Shared provider plugin cache (TF_PLUGIN_CACHE_DIR). */
  readonly pluginCache: string;
  /** Saved plans and their manifest. */
  readonly planDir: string;
  /** Per-stack logs of multi-stack runs. */
  readonly logDir: string;
  /** `-lock-timeout` for locking commands (e.g. "10m"). @default Terraform's (0s) */
  readonly lockTimeout?: string;
  /** Skip our confirmation (and Terraform's). */
  readonly autoApprove: boolean;
  /** A changed backend: start from the new location (`-reconfigure`) or copy the state (`-migrate-state`). */
  readonly backendChange?: "reconfigure" | "migrate-state";
  /** Committed lock file content, if the repository has one. */
  readonly committedLock: string | undefined;
  /** The checked-out commit (recorded with plans, compared by --from-plan). */
  readonly commit: string | undefined;
  /** `--json`: print the results as JSON on stdout instead of the table. */
  readonly json: boolean;
}

export interface RunIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Asks a question on the terminal; resolves to the answer (undefined at end of input). */
  readonly ask: (question: string) => Promise<string | undefined>;
  readonly env: NodeJS.ProcessEnv;
  /** An extra typed confirmation, e.g. the env name for `destroy --env prod`. */
  readonly typedConfirmation?: string;
}

export interface StackRunResult {
  readonly results: StackResult[];
  /** 0 ok, 1 something failed or was refused, 2 changes present (drift / detailed exit code). */
  readonly code: number;
}

const VERB = { plan: "plan", apply: "apply", destroy: "destroy" } as const;

/** Runs `req.action` in every selected stack: init once, in parallel by dependency, keep going on failure, report all. */
export async function runStacks(req: StackRunRequest, io: RunIo): Promise<StackRunResult> {
  const started = Date.now();
  const missing = req.order.filter((s) => !existsSync(join(req.stacksDir, s, "cdk.tf.json")));
  if (missing.length) {
    io.stderr(
      `not synthesized: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""} (no cdk.tf.json under ${req.stacksDir}); run synth first (infra synth --env ${req.env}) or drop --no-synth\n`,
    );
    return { results: [], code: 1 };
  }
  const configs = new Map(req.order.map((s) => [s, readStackConfig(join(req.stacksDir, s))]));
  const manifest = req.action.kind === "plan" && !req.action.save ? undefined : readManifest(req.planDir, req.env);
  const single = req.order.length === 1 && !req.json;

  // --from-plan: every selected plan must match what is checked out, or nothing is applied.
  const plans = new Map<string, PlanRecord>();
  const upfront = new Map<string, string>();
  if (req.action.kind === "apply" && req.action.fromPlan) {
    const refused: string[] = [];
    for (const stack of req.order) {
      const record = manifest!.stacks[stack];
      const why = staleness(req.planDir, record, { configSha256: configs.get(stack)!.sha256, commit: req.commit, binary: req.binary.label });
      if (why) refused.push(`  ${stack}: ${why}`);
      else plans.set(stack, record!);
    }
    if (refused.length) {
      io.stderr(`refusing to apply stale or missing plans (nothing was applied); plan again with: infra plan --env ${req.env} …\n${refused.join("\n")}\n`);
      return { results: [], code: 1 };
    }
    // A plan holds the dependency outputs it read: once a dependency in this run changes them, it is stale.
    for (const stack of req.order) {
      for (const dep of req.waitsFor.get(stack) ?? []) {
        const changed = plans.get(dep)?.counts.hasChanges ? plans.get(dep)!.changedOutputs : [];
        const read = outputsRead(configs.get(stack)!.text, dep);
        const hit = changed.filter((o) => read.has(o));
        if (hit.length) {
          upfront.set(stack, `plan again after ${dep} is applied: it changes ${hit.join(", ")}, which this plan read`);
        }
      }
    }
  }

  if (!(await confirmRun(req, io, plans, upfront))) {
    io.stderr("aborted: nothing was changed\n");
    return { results: [], code: 1 };
  }

  mkdirSync(req.pluginCache, { recursive: true });
  const lockFromPlans = req.action.kind === "apply" && req.action.fromPlan ? readIfFile(join(req.planDir, LOCK_COPY)) : undefined;
  const lock = new SharedLock(req.committedLock, lockFromPlans, lockFromPlans !== undefined);
  const childEnv: NodeJS.ProcessEnv = {
    ...io.env,
    TF_IN_AUTOMATION: "1",
    TF_PLUGIN_CACHE_DIR: req.pluginCache,
    // A single interactive stack keeps Terraform's own prompt (apply, destroy, a state migration); nothing else waits for input.
    ...(single && ((!req.autoApprove && req.action.kind !== "plan") || req.backendChange === "migrate-state") ? {} : { TF_INPUT: "0" }),
  };
  const scratch = mkdtempSync(join(tmpdir(), "infra-plan-"));
  const progress = new Progress(req.order.length, io.stderr, VERB[req.action.kind]);
  const startedAt = new Map<string, number>();
  let firstInit: Promise<void> | undefined;

  const worker = async (stack: string): Promise<{ ok: boolean; result: StackResult }> => {
    const t0 = Date.now();
    const dir = join(req.stacksDir, stack);
    const log = join(req.logDir, `${stack}.log`);
    if (!single) rmSync(log, { force: true });
    const out = (capture = false): OutputMode =>
      single && !capture ? { kind: "inherit" } : capture ? { kind: "log", file: log, captureStdout: true } : { kind: "log", file: log };
    // Flags go before positional arguments (a plan file): Terraform stops reading flags at the first one.
    const run = (args: string[], capture = false) =>
      exec({
        command: req.binary.command,
        args: single && !capture ? args : [args[0]!, ...noColor(args), ...args.slice(1)],
        cwd: dir,
        env: childEnv,
        output: out(capture),
      });
    const fail = (result: string, note: string): { ok: false; result: StackResult } => ({
      ok: false,
      result: { stack, result, ok: false, seconds: (Date.now() - t0) / 1000, note: single ? note : `${note}; log: ${log}${tail(log)}` },
    });
    const config = configs.get(stack)!;
    // A saved plan without changes needs neither init nor apply.
    if (req.action.kind === "apply" && req.action.fromPlan && !plans.get(stack)!.counts.hasChanges) {
      return { ok: true, result: { stack, result: "no changes", ok: true, counts: plans.get(stack)!.counts, seconds: 0 } };
    }

    // --- init, at most once, and the first one of the run alone (it fills the plugin cache) ---
    const decision = initDecision(dir, req.binary, config, lock.current, childEnv);
    if (decision.kind === "backend-changed" && !req.backendChange) {
      return fail(
        "failed",
        `${decision.change} since its last init: rerun with --reconfigure (use the new location as is) or --migrate-state (copy the state there)`,
      );
    }
    if (decision.kind !== "skip") {
      const gate = firstInit;
      let release: () => void = () => undefined;
      if (!gate) firstInit = new Promise((r) => (release = r));
      else await gate;
      const readOnly = req.action.kind === "plan" && !req.action.lock;
      const migrate = decision.kind === "backend-changed" && req.backendChange === "migrate-state";
      const args = [
        "init",
        // -migrate-state asks before copying the state: the user answers.
        ...(migrate ? [] : ["-input=false"]),
        ...lock.prepare(dir),
        ...(readOnly ? ["-lock=false"] : []),
        ...(decision.kind === "backend-changed" ? [req.backendChange === "migrate-state" ? "-migrate-state" : "-reconfigure"] : []),
      ];
      const init = await exec({
        command: req.binary.command,
        args: single ? args : [...args, "-no-color"],
        cwd: dir,
        env: childEnv,
        // Init chatter never reaches our stdout (it is not the command's result).
        output: single ? { kind: "stdout-to-stderr" } : { kind: "log", file: log },
      });
      if (init.code === 0) {
        lock.learn(dir);
        writeStamp(dir, req.binary, config, childEnv);
      }
      release();
      if (init.code !== 0) return fail("failed", `init failed (exit ${init.code})`);
    }

    switch (req.action.kind) {
      case "plan":
        return planStack(stack, config, req, run, scratch, manifest, fail, t0);
      case "apply": {
        const planFile = req.action.fromPlan ? planFileOf(req.planDir, stack) : undefined;
        const interactive = single && !req.autoApprove && !planFile;
        const args = ["apply", ...(interactive ? [] : ["-input=false"]), ...lockArgs(req), ...(planFile ? [planFile] : interactive ? [] : ["-auto-approve"])];
        const r = await run(args);
        if (r.code !== 0) return fail("failed", `apply failed (exit ${r.code})`);
        // The state moved on: any saved plan of this stack is stale now (Terraform would refuse it too).
        if (manifest) dropPlan(req.planDir, manifest, stack);
        const counts = single ? plans.get(stack)?.counts : (countsFromApplyLog(readIfFile(log) ?? "") ?? plans.get(stack)?.counts);
        return { ok: true, result: { stack, result: "applied", ok: true, ...(counts ? { counts } : {}), seconds: (Date.now() - t0) / 1000 } };
      }
      case "destroy": {
        const interactive = single && !req.autoApprove;
        const r = await run(["destroy", ...(interactive ? [] : ["-input=false", "-auto-approve"]), ...lockArgs(req)]);
        if (r.code !== 0) return fail("failed", `destroy failed (exit ${r.code})`);
        if (manifest) dropPlan(req.planDir, manifest, stack);
        const counts = single ? undefined : countsFromApplyLog(readIfFile(log) ?? "");
        return { ok: true, result: { stack, result: "destroyed", ok: true, ...(counts ? { counts } : {}), seconds: (Date.now() - t0) / 1000 } };
      }
    }
  };

  let outcomes: Map<string, Outcome<StackResult>>;
  try {
    outcomes = await schedule<StackResult>({
      order: req.order,
      waitsFor: req.waitsFor,
      parallelism: req.parallelism,
      run: worker,
      precheck: (stack) => upfront.get(stack),
      onStart: (stack) => {
        startedAt.set(stack, Date.now());
        if (!single) progress.start(stack);
      },
      onFinish: (stack, outcome) => {
        if (!single) progress.finish(resultOf(stack, outcome), startedAt.has(stack));
      },
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    // Plans record the run's lock file (apply --from-plan verifies against it); applies only forget plans.
    if (manifest && (req.action.kind === "plan" || existsSync(req.planDir))) {
      writeManifest(req.planDir, manifest);
      if (req.action.kind === "plan") lock.saveTo(join(req.planDir, LOCK_COPY));
    }
  }
  const results = req.order.map((s) => resultOf(s, outcomes.get(s)!));
  const drifted = results.filter((r) => r.result === "drift").map((r) => r.stack);
  if (req.json) {
    io.stdout(`${JSON.stringify({ env: req.env, action: req.action.kind, results, drifted }, null, 2)}\n`);
  } else if (!single || results.some((r) => !r.ok)) {
    io.stdout(summaryTable(results, Date.now() - started));
  }
  if (req.action.kind === "plan" && req.action.drift) {
    io.stderr(drifted.length ? `drift in ${drifted.length} of ${results.length} stacks: ${drifted.join(", ")}\n` : `no drift in ${results.length} stacks\n`);
  }
  const failed = results.some((r) => !r.ok);
  const changes = req.action.kind === "plan" && req.action.drift && drifted.length > 0;
  return { results, code: failed ? 1 : changes ? 2 : 0 };
}

type Run = (args: string[], capture?: boolean) => Promise<{ code: number; stdout: string }>;

async function planStack(
  stack: string,
  config: StackConfig,
  req: StackRunRequest,
  run: Run,
  scratch: string,
  manifest: PlanManifest | undefined,
  fail: (result: string, note: string) => { ok: false; result: StackResult },
  t0: number,
): Promise<{ ok: boolean; result: StackResult }> {
  const action = req.action as Extract<StackRunAction, { kind: "plan" }>;
  const planFile = action.save ? planFileOf(req.planDir, stack) : join(scratch, `${stack}.tfplan`);
  mkdirSync(action.save ? req.planDir : scratch, { recursive: true });
  if (manifest) dropPlan(req.planDir, manifest, stack);
  const p = await run([
    "plan",
    "-input=false",
    ...(action.lock ? lockArgs(req) : ["-lock=false"]),
    ...(action.drift ? ["-detailed-exitcode"] : []),
    `-out=${planFile}`,
  ]);
  if (p.code !== 0 && !(action.drift && p.code === 2)) return fail("failed", `plan failed (exit ${p.code})`);
  const show = await run(["show", "-json", planFile], true);
  if (show.code !== 0) return fail("failed", `show -json failed (exit ${show.code})`);
  let parsed: { counts: PlanCounts; changedOutputs: string[] };
  try {
    parsed = countsOf(show.stdout);
  } catch (error) {
    return fail("failed", `show -json printed no plan JSON (${(error as Error).message})`);
  }
  if (action.exportDir) {
    mkdirSync(action.exportDir, { recursive: true });
    writeFileSync(join(action.exportDir, `${stack}.json`), show.stdout);
    const text = await run(["show", "-no-color", planFile], true);
    if (text.code === 0) writeFileSync(join(action.exportDir, `${stack}.txt`), text.stdout);
  }
  if (action.save && manifest) {
    manifest.stacks[stack] = {
      planFile: `${stack}.tfplan`,
      planSha256: fileSha256(planFile),
      configSha256: config.sha256,
      commit: req.commit,
      plannedAt: new Date().toISOString(),
      binary: req.binary.label,
      counts: parsed.counts,
      changedOutputs: parsed.changedOutputs,
    };
  } else if (!action.save) {
    rmSync(planFile, { force: true });
  }
  const result = action.drift ? (p.code === 2 ? "drift" : "no drift") : parsed.counts.hasChanges ? "changes" : "no changes";
  return { ok: true, result: { stack, result, ok: true, counts: parsed.counts, seconds: (Date.now() - t0) / 1000 } };
}

function lockArgs(req: StackRunRequest): string[] {
  return req.lockTimeout ? [`-lock-timeout=${req.lockTimeout}`] : [];
}

function noColor(args: readonly string[]): string[] {
  return args.includes("-no-color") || (args[0] === "show" && args[1] === "-json") ? [] : ["-no-color"];
}

function resultOf(stack: string, outcome: Outcome<StackResult>): StackResult {
  if (outcome.status !== "skipped") return outcome.result;
  const stale = outcome.reason.startsWith("plan again");
  return { stack, result: stale ? "stale" : "skipped", ok: false, note: outcome.reason };
}

function readIfFile(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

function tail(file: string, lines = 15): string {
  const text = readIfFile(file);
  if (!text) return "";
  return `\n${text
    .trimEnd()
    .split("\n")
    .slice(-lines)
    .map((l) => `      | ${l}`)
    .join("\n")}`;
}

/** One confirmation for the whole run (and the typed env name where asked); plans never ask. */
async function confirmRun(req: StackRunRequest, io: RunIo, plans: ReadonlyMap<string, PlanRecord>, upfront: ReadonlyMap<string, string>): Promise<boolean> {
  if (req.action.kind === "plan") return true;
  const single = req.order.length === 1 && !req.json;
  const fromPlan = req.action.kind === "apply" && req.action.fromPlan;
  if (io.typedConfirmation) {
    const answer = await io.ask(
      `${req.action.kind} in ${req.env} touches ${req.order.length} stack(s): ${req.order.join(", ")}\nType the env name (${io.typedConfirmation}) to go on: `,
    );
    if (answer?.trim() !== io.typedConfirmation) return false;
  }
  if (req.autoApprove || (single && !fromPlan)) return true; // a single stack: Terraform itself asks
  const lines = req.order.map((s) => {
    const p = plans.get(s);
    const extra = upfront.get(s)
      ? ` (skipped: ${upfront.get(s)})`
      : p
        ? ` ${p.counts.hasChanges ? `+${p.counts.add} ~${p.counts.change} -${p.counts.destroy}` : "no changes"}`
        : "";
    return `  ${s}${extra}`;
  });
  const what =
    req.action.kind === "destroy"
      ? `destroy every resource of these ${req.order.length} stacks of ${req.env}, dependents first`
      : fromPlan
        ? `apply the saved plans of these ${req.order.length} stacks of ${req.env}`
        : `plan and apply these ${req.order.length} stacks of ${req.env} in dependency order, without further prompts`;
  const answer = await io.ask(`This will ${what}:\n${lines.join("\n")}\nProceed? Only "yes" is accepted: `);
  return answer?.trim() === "yes";
}
