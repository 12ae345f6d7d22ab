import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/** Repository root, from this file's place in libs/delivery-tests/src. */
export const ROOT = join(import.meta.dirname, "../../..");
export const WORKFLOWS_DIR = join(ROOT, ".github/workflows");
export const ACTIONS_DIR = join(ROOT, ".github/actions");

export interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  "continue-on-error"?: boolean;
}

export interface Job {
  name?: string;
  needs?: string | string[];
  if?: string;
  "timeout-minutes"?: number;
  outputs?: Record<string, string>;
  environment?: string | { name: string };
  permissions?: Record<string, string> | string;
  strategy?: { matrix?: Record<string, unknown>; "fail-fast"?: boolean };
  steps?: Step[];
  uses?: string;
  env?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress"?: boolean } | string;
}

export interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  concurrency?: { group: string; "cancel-in-progress"?: boolean } | string;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

export interface CompositeAction {
  name: string;
  inputs?: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; steps: Step[] };
}

export function workflowFiles(): string[] {
  return readdirSync(WORKFLOWS_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
}

export function workflowText(file: string): string {
  return readFileSync(join(WORKFLOWS_DIR, file), "utf8");
}

/** Parses a workflow with YAML 1.2 rules (so `on:` stays a string key, not `true`). */
export function loadWorkflow(file: string): Workflow {
  return parse(workflowText(file)) as Workflow;
}

export function actionFiles(): string[] {
  return readdirSync(ACTIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(d.name, "action.yml"))
    .sort();
}

export function loadAction(file: string): CompositeAction {
  return parse(readFileSync(join(ACTIONS_DIR, file), "utf8")) as CompositeAction;
}

export function needsOf(job: Job): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}

export function environmentOf(job: Job): string | undefined {
  return typeof job.environment === "string" ? job.environment : job.environment?.name;
}

/** Steps of a job with local composite actions (`uses: ./.github/actions/x`) expanded in place, recursively. */
export function expandedSteps(job: Job): Step[] {
  const expand = (steps: Step[]): Step[] =>
    steps.flatMap((step) => {
      const local = step.uses?.match(/^\.\/\.github\/actions\/([^/]+)$/);
      return local ? [step, ...expand(loadAction(join(local[1]!, "action.yml")).runs.steps)] : [step];
    });
  return expand(job.steps ?? []);
}

/** Every `uses:` reference, in workflows and composite actions. */
export function allUses(): { file: string; uses: string }[] {
  const fromWorkflows = workflowFiles().flatMap((file) =>
    Object.values(loadWorkflow(file).jobs).flatMap((job) =>
      [job.uses, ...(job.steps ?? []).map((s) => s.uses)].filter((u): u is string => !!u).map((uses) => ({ file, uses })),
    ),
  );
  const fromActions = actionFiles().flatMap((file) =>
    loadAction(file)
      .runs.steps.filter((s) => s.uses)
      .map((s) => ({ file, uses: s.uses! })),
  );
  return [...fromWorkflows, ...fromActions];
}
