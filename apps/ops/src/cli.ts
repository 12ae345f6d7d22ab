import { resolveEnv, validateEnvSet } from "@infra/config";
import { skipTokenCreationStacks } from "@infra/core";
import { userFacingError } from "@infra/workloads";
import { root } from "@envs/root";
import { WORKLOADS } from "@envs/envcommon";
import { parseArgs } from "node:util";
import { ENVS, UsageError, findEnv } from "./envs";
import { runCommand, synthCommand } from "./run";
import { policyReport } from "./policy";
import { synthAll } from "./synth-all";
import { formatStacks } from "./stacks";
import { graphCommand } from "./graph";
import { costCommand } from "./cost";
import { type StackAction, selectStacks, stackCommands } from "./terraform-commands";

const USAGE = `usage: infra <command> [options]

  synth   [--env <env>]                      synthesize one env (default: every env)
  check                                      resolve and validate every env's config
  policy  [--env <env>]                      policy pack and preflight-rules reports: rules x resources, passed / waived / failed
  stacks  --env <env> [--json]               stacks in deploy order, state keys, dependencies
  plan    --env <env> [--stack <s>] [--no-synth] [--drift]   terraform plan per stack, in order
  diff    --env <env> [--stack <s>]          plan without saving it
  deploy  --env <env> [--stack <s>] [--auto-approve]         terraform apply per stack, in order
  destroy --env <env> [--stack <s>] [--auto-approve]         terraform destroy, dependents first
  output  --env <env> --stack <s>            terraform output -json
  state   --env <env> --stack <s> <list|show|pull> [address] terraform state ...
  graph   [--env <env>] [--out <file>] [--format mermaid|svg]  stacks and dependencies (no --env: docs/graphs/<env>.svg)
  cost    [--env <env>] [--json]             offline monthly estimate per env and workload (no --env: every env)
`;

export function main(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      env: { type: "string" },
      stack: { type: "string" },
      json: { type: "boolean", default: false },
      "auto-approve": { type: "boolean", default: false },
      "no-synth": { type: "boolean", default: false },
      drift: { type: "boolean", default: false },
      out: { type: "string" },
      format: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }

  if (command === "synth") {
    if (values.env) return runCommand(synthCommand(findEnv(values.env).name));
    for (const { env, stacks, preflightFindings } of synthAll(ENVS)) {
      process.stdout.write(`${env}: synthesized ${stacks} stacks to apps/${env}/cdktf.out${preflightFindings ? ` (${preflightFindings} preflight findings in report mode: npm run policy -- --env ${env})` : ""}\n`);
    }
    return 0;
  }
  if (command === "policy") {
    const envs = values.env ? [findEnv(values.env)] : ENVS;
    let failed = 0;
    const summaries: string[] = [];
    for (const env of envs) {
      const result = policyReport(env);
      process.stdout.write(`${result.text}\n\n`);
      // The preflight family (docs/preflight.md): its failures count only in enforce mode (root config).
      process.stdout.write(`preflight-rules (${result.preflight.mode} mode)\n${result.preflight.text}\n\n`);
      summaries.push(result.text.trim().split("\n").at(-1)!, `${result.preflight.text.trim().split("\n").at(-1)!} (${result.preflight.mode})`);
      failed += result.failed + (result.preflight.mode === "enforce" ? result.preflight.failed : 0);
    }
    process.stdout.write(`${summaries.join("\n")}\n`);
    return failed > 0 ? 1 : 0;
  }
  if (command === "graph") return graphCommand(values);
  if (command === "cost") return costCommand(values);
  if (command === "check") {
    validateEnvSet(ENVS);
    for (const env of ENVS) {
      const resolved = resolveEnv(root, env, WORKLOADS);
      process.stdout.write(`${resolved.name}: ${resolved.deployments.length} deployments OK\n`);
    }
    return 0;
  }

  if (!values.env) throw new UsageError(`${command} needs --env <env>`);
  const resolved = resolveEnv(root, findEnv(values.env), WORKLOADS);

  if (command === "stacks") {
    process.stdout.write(formatStacks(resolved, values.json ? "json" : "text"));
    return 0;
  }

  const action = toAction(command, rest, values);
  const stacks = selectStacks(resolved, action, values.stack);
  if (!values["no-synth"] && action.kind !== "state" && action.kind !== "output") {
    const code = runCommand(synthCommand(resolved.name));
    if (code !== 0) return code;
  }
  let worst = 0;
  for (const deployment of stacks) {
    for (const cmd of stackCommands(resolved, deployment, action)) {
      const code = runCommand(cmd);
      // plan -detailed-exitcode: 2 means "changes present" — keep going, report it at the end.
      if (code === 2 && action.kind === "plan" && action.detailedExitcode) {
        worst = 2;
        continue;
      }
      if (code !== 0) {
        process.stderr.write(`stopped: ${deployment.stackName} failed (exit ${code}); later stacks were not run\n`);
        return code;
      }
    }
  }
  return worst;
}

function toAction(command: string, rest: string[], values: { "auto-approve"?: boolean; drift?: boolean; stack?: string }): StackAction {
  switch (command) {
    case "plan":
      return values.drift ? { kind: "plan", out: false, detailedExitcode: true, lock: false } : { kind: "plan" };
    case "diff":
      return { kind: "diff" };
    case "deploy":
      return { kind: "deploy", autoApprove: values["auto-approve"] ?? false };
    case "destroy":
      return { kind: "destroy", autoApprove: values["auto-approve"] ?? false };
    case "output":
      if (!values.stack) throw new UsageError("output needs --stack <name>");
      return { kind: "output" };
    case "state": {
      const [sub, address] = rest;
      if (sub !== "list" && sub !== "show" && sub !== "pull") {
        throw new UsageError(`state needs a subcommand: list | show <address> | pull; got: ${JSON.stringify(sub)}`);
      }
      if (sub === "show" && !address) throw new UsageError("state show needs a resource address");
      if (!values.stack) throw new UsageError("state needs --stack <name>");
      return { kind: "state", sub, ...(address ? { address } : {}) };
    }
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}\n${USAGE}`);
  }
}

/** Run the CLI: user mistakes print one message and set a non-zero exit code; bugs still throw. */
export function runCli(argv: readonly string[]): void {
  skipTokenCreationStacks();
  try {
    process.exitCode = main(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
    } else {
      const message = userFacingError(error);
      if (message === undefined) throw error;
      process.stderr.write(`${message}\n`);
      process.exitCode = 1;
    }
  }
}

if (require.main === module) runCli(process.argv.slice(2));
