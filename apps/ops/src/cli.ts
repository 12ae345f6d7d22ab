import { resolveEnv, validateEnvSet } from "@infra/config";
import { checkBinaryVersionsOncePerProcess, skipTokenCreationStacks } from "@infra/core";
import { userFacingError } from "@infra/workloads";
import { root } from "@envs/root";
import { WORKLOADS } from "@envs/envcommon";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { ENVS, UsageError, findEnv } from "./envs";
import { WORKSPACE_ROOT } from "./run";
import { policyCommand } from "./policy";
import { preflightCommand } from "./prerequisites/command";
import { synthAll, synthSummary } from "./synth-all";
import { formatStacks } from "./stacks";
import { graphCommand } from "./graph";
import { costCommand } from "./cost";
import { affectedCommand } from "./affected";
import { bootstrapCommand } from "./bootstrap";
import { lockCommand } from "./lock";
import { didYouMean } from "./suggest";
import { filterOf, stackCommand, type CliIo } from "./operate/stack-command";
import { selectDeployments } from "./operate/selection";
import { cdktfOut, workspace } from "./operate/context";
import { smokeCommand } from "./smoke/command";

const USAGE = `usage: infra <command> [options]

  synth    [--env <env>]                     synthesize one env (default: every env); removes stale stack folders
  check                                      resolve and validate every env's config
  policy   [--env <env>] [--summary] [--json] policy pack + preflight reports (--summary: failures first, one line per rule)
  stacks   --env <env> [filters] [--json]    stacks in deploy order, state keys, dependencies
  preflight --env <env> [filters] [--check] [--json]  fresh-account prerequisites and the commands that provide them
                                             (--check: ask AWS which exist; exit 1 when one a deploy needs is missing)
  plan     --env <env> [filters] [--drift] [--no-lock] [--lock-timeout <d>] [--export-dir <dir>]
                                             plan every selected stack, saving tfplan files + manifest
  diff     --env <env> [filters]             plan without saving
  deploy   --env <env> [filters] [--from-plan] [--auto-approve] [--lock-timeout <d>] [--skip-preflight]
                                             apply (--from-plan: exactly the saved plans; stale ones are refused);
                                             checks the prerequisites first and refuses missing ones
  destroy  --env <env> [filters] [--with-dependents] [--auto-approve] [--confirm-env <env>]
  output   --env <env> --stack <s> [name]    terraform output -json (stdout: only the outputs)
  state    --env <env> --stack <s> <list|show|pull> [address]
  graph    [--env <env>] [--out <file>] [--format mermaid|svg]
  cost     [--env <env>] [--json] [--base-dir <dir>]   offline monthly estimate (--base-dir: diff against a base synth)
  affected --base <ref> [--json] [--keep-base <dir>]   envs and stacks whose synthesized JSON differs from <ref>
  bootstrap <plan|deploy|migrate> --env <env>          the env account's state bucket and lock table
  lock     [--binary <b>] [--out <file>]      write environments/providers/<tofu|terraform>.terraform.lock.hcl
  smoke    --env <env> [--workload <w>] [--json] [--connect-to <origin>]
                                             integration checks against the deployed env (URLs from its config);
                                             exit 1 when one fails (--connect-to: send them to another address)

filters:  --stack <s> (repeatable) [--with-dependencies] [--with-dependents] --workload <w> --region <r> (repeatable)
run:      --parallelism <n> (default: 2 x CPUs, at most 8)  --binary <tofu|terraform|path> (default: $INFRA_TF_BINARY,
          else tofu on PATH, else npm run toolchain's build, else terraform)  --plugin-cache <dir> (default: ~/.cache/infra-plugins)
          --no-synth  --json  --reconfigure | --migrate-state (after a backend change)
`;

export const COMMANDS = [
  "synth",
  "check",
  "policy",
  "stacks",
  "preflight",
  "plan",
  "diff",
  "deploy",
  "destroy",
  "output",
  "state",
  "graph",
  "cost",
  "affected",
  "bootstrap",
  "lock",
  "smoke",
];

const OPTIONS = {
  env: { type: "string" },
  stack: { type: "string", multiple: true },
  workload: { type: "string", multiple: true },
  region: { type: "string", multiple: true },
  "with-dependencies": { type: "boolean" },
  "with-dependents": { type: "boolean" },
  json: { type: "boolean" },
  summary: { type: "boolean" },
  "auto-approve": { type: "boolean" },
  "no-synth": { type: "boolean" },
  drift: { type: "boolean" },
  "no-lock": { type: "boolean" },
  "lock-timeout": { type: "string" },
  "from-plan": { type: "boolean" },
  "skip-preflight": { type: "boolean" },
  check: { type: "boolean" },
  "plan-dir": { type: "string" },
  "export-dir": { type: "string" },
  parallelism: { type: "string" },
  binary: { type: "string" },
  "plugin-cache": { type: "string" },
  reconfigure: { type: "boolean" },
  "migrate-state": { type: "boolean" },
  "confirm-env": { type: "string" },
  out: { type: "string" },
  format: { type: "string" },
  base: { type: "string" },
  "base-dir": { type: "string" },
  "keep-base": { type: "string" },
  "connect-to": { type: "string" },
  help: { type: "boolean" },
} as const;

export type CliValues = ReturnType<typeof parse>["values"];

/** Which options each command takes besides --help; anything else is a usage error naming the command. */
const STACK_RUN = [
  "env",
  "stack",
  "workload",
  "region",
  "with-dependencies",
  "with-dependents",
  "json",
  "no-synth",
  "parallelism",
  "binary",
  "plugin-cache",
  "plan-dir",
  "reconfigure",
  "migrate-state",
];
export const ALLOWED: Record<string, readonly string[]> = {
  synth: ["env"],
  check: [],
  policy: ["env", "json", "summary"],
  stacks: ["env", "json", "stack", "workload", "region", "with-dependencies", "with-dependents"],
  plan: [...STACK_RUN, "drift", "no-lock", "lock-timeout", "export-dir"],
  diff: [...STACK_RUN, "no-lock", "lock-timeout"],
  preflight: ["env", "stack", "workload", "region", "with-dependencies", "with-dependents", "json", "check", "no-synth"],
  deploy: [...STACK_RUN, "from-plan", "auto-approve", "lock-timeout", "skip-preflight"],
  destroy: [...STACK_RUN, "auto-approve", "lock-timeout", "confirm-env"],
  output: ["env", "stack", "binary", "plugin-cache"],
  state: ["env", "stack", "binary", "plugin-cache"],
  graph: ["env", "out", "format"],
  cost: ["env", "json", "base-dir"],
  affected: ["base", "json", "keep-base"],
  bootstrap: ["env", "binary", "plugin-cache", "no-synth", "auto-approve", "reconfigure", "lock-timeout"],
  lock: ["binary", "out"],
  smoke: ["env", "workload", "json", "connect-to"],
};

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw usageFromParseError(error as Error & { code?: string });
  }
}

/** node:util's parse errors, turned into one line with a suggestion. */
function usageFromParseError(error: Error & { code?: string }): Error {
  const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(error.message);
  if (unknown) {
    const flag = unknown[1]!;
    return new UsageError(
      `unknown option ${flag}${didYouMean(flag.replace(/^-+/, ""), Object.keys(OPTIONS)).replace(/"([^"]+)"/, "--$1")} (infra --help lists them)`,
    );
  }
  const missing = /Option '(--[\w-]+)[^']*' argument missing/.exec(error.message);
  if (missing) return new UsageError(`${missing[1]} needs a value`);
  const notString = /Option '(--[\w-]+)[^']*' does not take an argument/.exec(error.message);
  if (notString) return new UsageError(`${notString[1]} takes no value`);
  return error.code?.startsWith("ERR_PARSE_ARGS") ? new UsageError(error.message) : error;
}

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    io.stdout(USAGE);
    return command || values.help ? 0 : 2;
  }
  if (!COMMANDS.includes(command)) throw new UsageError(`unknown command ${JSON.stringify(command)}${didYouMean(command, COMMANDS)} (infra --help lists them)`);
  const given = Object.keys(values).filter((k) => k !== "help" && values[k as keyof typeof values] !== undefined);
  const stray = given.filter((k) => !ALLOWED[command]!.includes(k));
  if (stray.length)
    throw new UsageError(
      `${command} does not take --${stray[0]}${
        stray.length > 1
          ? ` (nor ${stray
              .slice(1)
              .map((s) => `--${s}`)
              .join(", ")})`
          : ""
      }`,
    );
  const ws = workspace(WORKSPACE_ROOT, io.env);

  switch (command) {
    case "synth": {
      for (const line of synthSummary(synthAll(values.env ? [findEnv(values.env)] : ENVS, (name) => cdktfOut(ws, name)))) io.stdout(`${line}\n`);
      return 0;
    }
    case "policy":
      return policyCommand(values, io);
    case "graph":
      return graphCommand(values);
    case "cost":
      return costCommand(values, ws.outRoot);
    case "affected":
      return affectedCommand(values, io);
    case "lock":
      return lockCommand(values, io, ws);
    case "bootstrap":
      return bootstrapCommand(rest, values, io, ws);
    case "check": {
      validateEnvSet(ENVS);
      for (const env of ENVS) io.stdout(`${env.name}: ${resolveEnv(root, env, WORKLOADS).deployments.length} deployments OK\n`);
      return 0;
    }
  }

  if (!values.env) throw new UsageError(`${command} needs --env <env> (one of ${ENVS.map((e) => e.name).join(" | ")})`);
  const resolved = resolveEnv(root, findEnv(values.env), WORKLOADS);
  if (command === "preflight") {
    return preflightCommand(
      values,
      resolved,
      selectDeployments(resolved, filterOf(values)).map((d) => d.stackName),
      io,
      ws,
    );
  }
  if (command === "smoke") return smokeCommand(values, resolved, io);
  if (command === "stacks") {
    io.stdout(formatStacks(resolved, values.json ? "json" : "text", selectDeployments(resolved, filterOf(values))));
    return 0;
  }
  return stackCommand(command, rest, values, resolved, io, ws);
}

function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    ask: (question) =>
      new Promise((resolve) => {
        const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
        let answered = false;
        process.stderr.write(question);
        rl.once("line", (line) => {
          answered = true;
          rl.close();
          resolve(line);
        });
        rl.once("close", () => {
          if (!answered) resolve(undefined);
        });
      }),
  };
}

/** Run the CLI: user mistakes print one line and exit 2; config errors exit 1; bugs still throw. Resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  skipTokenCreationStacks();
  checkBinaryVersionsOncePerProcess();
  try {
    return await main(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    const message = userFacingError(error);
    if (message === undefined) throw error;
    io.stderr(`${message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
