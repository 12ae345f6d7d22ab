import type { ResolvedEnv } from "@infra/config";
import { join, resolve } from "node:path";
import { UsageError, findEnv } from "../envs";
import { synthAll, synthSummary } from "../synth-all";
import { placeholderNote } from "../placeholders";
import { deployPreflight } from "../prerequisites/command";
import { chooseBinary, probeBinary } from "./binary";
import { cdktfOut, defaultParallelism, headCommit, parseLockTimeout, parseParallelism, pluginCacheDir, runDir, stacksDir, type Workspace } from "./context";
import { inspectStack } from "./inspect";
import { runStacks, type RunIo, type StackRunAction } from "./run-stacks";
import { isWholeEnv, selectDeployments, waitsFor, type StackFilter } from "./selection";
import { committedLockPath, readIfExists } from "./workdir";

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Prints a question and resolves to the answer line (undefined at end of input). */
  readonly ask: (question: string) => Promise<string | undefined>;
}

/** The options the stack commands read (a subset of the CLI's). */
export interface StackCommandValues {
  readonly stack?: string[] | undefined;
  readonly workload?: string[] | undefined;
  readonly region?: string[] | undefined;
  readonly "with-dependencies"?: boolean | undefined;
  readonly "with-dependents"?: boolean | undefined;
  readonly json?: boolean | undefined;
  readonly "auto-approve"?: boolean | undefined;
  readonly "no-synth"?: boolean | undefined;
  readonly drift?: boolean | undefined;
  readonly "no-lock"?: boolean | undefined;
  readonly "lock-timeout"?: string | undefined;
  readonly "from-plan"?: boolean | undefined;
  readonly "plan-dir"?: string | undefined;
  readonly "export-dir"?: string | undefined;
  readonly parallelism?: string | undefined;
  readonly binary?: string | undefined;
  readonly "plugin-cache"?: string | undefined;
  readonly reconfigure?: boolean | undefined;
  readonly "migrate-state"?: boolean | undefined;
  readonly "confirm-env"?: string | undefined;
  readonly "skip-preflight"?: boolean | undefined;
}

/** Envs where `destroy` also asks to type the env name (on top of the run's confirmation). */
export const TYPED_DESTROY_ENVS: readonly string[] = ["prod"];

export function filterOf(values: StackCommandValues): StackFilter {
  return {
    // `--stack a,b` equals `--stack a --stack b` (the PR workflow passes the changed stacks as one list).
    stacks: (values.stack ?? [])
      .flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter(Boolean),
    workloads: values.workload ?? [],
    regions: values.region ?? [],
    withDependencies: values["with-dependencies"] ?? false,
    withDependents: values["with-dependents"] ?? false,
  };
}

/** plan, diff, deploy, destroy, output, state for one env. */
export async function stackCommand(
  command: string,
  rest: readonly string[],
  values: StackCommandValues,
  env: ResolvedEnv,
  io: CliIo,
  ws: Workspace,
): Promise<number> {
  const filter = filterOf(values);
  if (command === "output" || command === "state") return inspect(command, rest, values, env, io, ws);
  if (rest.length) throw new UsageError(`${command} takes no positional arguments, got ${JSON.stringify(rest.join(" "))}`);
  if (values.reconfigure && values["migrate-state"]) throw new UsageError("--reconfigure and --migrate-state exclude each other");
  if (values["with-dependents"] && command === "deploy") {
    throw new UsageError("deploy applies dependencies first: use --with-dependencies (--with-dependents is for destroy)");
  }
  if (values["migrate-state"] && filter.stacks.length !== 1) throw new UsageError("--migrate-state asks questions: use it with exactly one --stack");

  const selected = selectDeployments(env, filter);
  const destroy = command === "destroy";
  const order = selected.map((d) => d.stackName);
  if (destroy) order.reverse();

  const typed = destroy && TYPED_DESTROY_ENVS.includes(env.name) ? env.name : undefined;
  if (values["confirm-env"] !== undefined && values["confirm-env"] !== env.name) {
    throw new UsageError(`--confirm-env ${values["confirm-env"]} does not match --env ${env.name}`);
  }
  const lockTimeout = values["lock-timeout"] !== undefined ? parseLockTimeout(values["lock-timeout"]) : undefined;
  if (values["no-lock"] && lockTimeout) throw new UsageError("--no-lock and --lock-timeout exclude each other");
  const parallelism = values.parallelism !== undefined ? parseParallelism(values.parallelism) : defaultParallelism(io.env);
  const binary = probeBinary(chooseBinary(values.binary, io.env), env.terraformVersion, io.env);

  if (!values["no-synth"]) {
    for (const line of synthSummary(synthAll([findEnv(env.name)], (name) => cdktfOut(ws, name)))) io.stderr(`${line}\n`);
  }

  if (command === "deploy") {
    // Fresh-account prerequisites first (docs/fresh-account.md): a missing secret or backend fails mid-run otherwise.
    const code = deployPreflight(env, order, values["skip-preflight"] ?? false, io, ws);
    if (code !== 0) return code;
  }

  const action: StackRunAction =
    command === "plan" || command === "diff"
      ? {
          kind: "plan",
          save: command === "plan" && !values.drift,
          drift: values.drift ?? false,
          lock: !(values["no-lock"] || values.drift),
          ...(values["export-dir"] ? { exportDir: resolve(values["export-dir"]) } : {}),
        }
      : command === "deploy"
        ? { kind: "apply", fromPlan: values["from-plan"] ?? false }
        : { kind: "destroy" };
  // stderr, with the progress lines: stdout stays the summary (or the JSON of --json).
  if (action.kind === "plan" && !action.drift) io.stderr(placeholderNote(stacksDir(ws, env.name), order) ?? "");
  const run = runDir(ws, env.name);
  const planDir = values["plan-dir"] ? resolve(values["plan-dir"]) : join(run, "plans");
  const rio: RunIo = {
    ...io,
    ...(typed && values["confirm-env"] !== env.name ? { typedConfirmation: typed } : {}),
  };
  if (!isWholeEnv(filter) || selected.length < env.deployments.length) {
    io.stderr(`${command} ${env.name}: ${selected.length} of ${env.deployments.length} stacks\n`);
  }
  const result = await runStacks(
    {
      env: env.name,
      stacksDir: stacksDir(ws, env.name),
      order,
      // A drift check reads each stack on its own: no stack waits for (or is skipped with) another.
      waitsFor: values.drift ? new Map() : waitsFor(env, selected, destroy),
      action,
      binary,
      parallelism,
      pluginCache: pluginCacheDir(values["plugin-cache"], io.env),
      planDir,
      logDir: join(run, "logs"),
      ...(lockTimeout ? { lockTimeout } : {}),
      autoApprove: values["auto-approve"] ?? false,
      ...(values.reconfigure ? { backendChange: "reconfigure" as const } : values["migrate-state"] ? { backendChange: "migrate-state" as const } : {}),
      committedLock: readIfExists(committedLockPath(ws.root, binary)),
      commit: headCommit(ws.root),
      json: values.json ?? false,
    },
    rio,
  );
  return result.code;
}

async function inspect(
  command: "output" | "state",
  rest: readonly string[],
  values: StackCommandValues,
  env: ResolvedEnv,
  io: CliIo,
  ws: Workspace,
): Promise<number> {
  let args: string[];
  if (command === "state") {
    const [sub, address, ...extra] = rest;
    if (sub !== "list" && sub !== "show" && sub !== "pull") {
      throw new UsageError(`state needs a subcommand: list | show <address> | pull; got ${sub === undefined ? "none" : JSON.stringify(sub)}`);
    }
    if (sub === "show" && !address) throw new UsageError("state show needs a resource address (infra state --env … --stack … list shows them)");
    if (extra.length || (sub !== "show" && sub !== "list" && address))
      throw new UsageError(`state ${sub}: unexpected ${JSON.stringify([address, ...extra].filter(Boolean).join(" "))}`);
    args = ["state", sub, ...(address ? [address] : [])];
  } else {
    if (rest.length > 1) throw new UsageError(`output takes at most one output name, got ${JSON.stringify(rest.join(" "))}`);
    args = ["output", "-json", ...rest];
  }
  if ((values.stack ?? []).length !== 1)
    throw new UsageError(`${command} needs --stack <name>: ${command === "state" ? "state belongs" : "outputs belong"} to one stack`);
  const [deployment] = selectDeployments(env, filterOf(values));
  const binary = probeBinary(chooseBinary(values.binary, io.env), env.terraformVersion, io.env);
  return inspectStack({
    stackDir: join(stacksDir(ws, env.name), deployment!.stackName),
    binary,
    pluginCache: pluginCacheDir(values["plugin-cache"], io.env),
    committedLock: readIfExists(committedLockPath(ws.root, binary)),
    args,
    env: io.env,
    stderr: io.stderr,
    hint: `run synth first (infra synth --env ${env.name})`,
  });
}
