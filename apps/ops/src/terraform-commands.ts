import type { ResolvedDeployment, ResolvedEnv } from "@infra/config";
import { join } from "node:path";

/** One process to run: what `plan`, `deploy`, `state`... turn into. Pure data, so it can be tested. */
export interface Command {
  readonly command: string;
  readonly args: readonly string[];
  /** Working directory, relative to the workspace root. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
}

export type StackAction =
  | { readonly kind: "plan"; readonly out?: boolean; readonly detailedExitcode?: boolean; readonly lock?: boolean }
  | { readonly kind: "diff" }
  | { readonly kind: "deploy"; readonly autoApprove: boolean }
  | { readonly kind: "destroy"; readonly autoApprove: boolean }
  | { readonly kind: "output" }
  | { readonly kind: "state"; readonly sub: "list" | "show" | "pull"; readonly address?: string };

export const TERRAFORM_ENV = { TF_IN_AUTOMATION: "1", TF_INPUT: "0" } as const;

/** Where an env app's synthesized stack lives. */
export function stackDir(env: string, stack: string): string {
  return join("apps", env, "cdktf.out", "stacks", stack);
}

/** The stacks an action touches, in the order it touches them: dependencies first; destroy in reverse. */
export function selectStacks(env: ResolvedEnv, action: StackAction, stack?: string): ResolvedDeployment[] {
  const all = [...env.deployments];
  if (stack) {
    const one = all.find((d) => d.stackName === stack || d.id === stack);
    if (!one) {
      throw new Error(`no stack ${JSON.stringify(stack)} in ${env.name}; stacks: ${all.map((d) => d.stackName).join(", ")}`);
    }
    return [one];
  }
  if (action.kind === "state") throw new Error("state needs --stack <name>: state belongs to one stack");
  return action.kind === "destroy" ? all.reverse() : all;
}

/** `terraform init` then the action, for one synthesized stack. */
export function stackCommands(env: ResolvedEnv, deployment: ResolvedDeployment, action: StackAction): Command[] {
  const cwd = stackDir(env.name, deployment.stackName);
  const base = { cwd, env: { ...TERRAFORM_ENV } };
  const readOnly = action.kind === "state" || action.kind === "output" || (action.kind === "plan" && action.lock === false);
  const init: Command = {
    ...base,
    command: "terraform",
    args: ["init", "-input=false", "-reconfigure", ...(readOnly ? ["-lock=false"] : [])],
  };
  const run = (args: string[]): Command => ({ ...base, command: "terraform", args });
  switch (action.kind) {
    case "plan":
      return [
        init,
        run([
          "plan",
          "-input=false",
          ...(action.out === false ? [] : ["-out=tfplan"]),
          ...(action.detailedExitcode ? ["-detailed-exitcode"] : []),
          ...(action.lock === false ? ["-lock=false"] : []),
        ]),
      ];
    case "diff":
      return [init, run(["plan", "-input=false"])];
    case "deploy":
      return [init, run(["apply", "-input=false", ...(action.autoApprove ? ["-auto-approve"] : [])])];
    case "destroy":
      return [init, run(["destroy", "-input=false", ...(action.autoApprove ? ["-auto-approve"] : [])])];
    case "output":
      return [init, run(["output", "-json"])];
    case "state":
      return [init, run(["state", action.sub, ...(action.address ? [action.address] : [])])];
  }
}
