import { type Prerequisite, type ResolvedEnv, mergePrerequisites } from "@infra/config";
import { declaredPrerequisites } from "@infra/core";
import type { IConstruct } from "constructs";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Written next to the stacks by every synth: what `infra preflight` and `deploy` check before a run. */
export const PREREQUISITES_FILE = "prerequisites.json";

export interface PrerequisitesFile {
  readonly env: string;
  readonly accountId: string;
  /** Merged per account, region and requirement; the state backend first-class among them. */
  readonly prerequisites: readonly Prerequisite[];
}

/**
 * The env's fresh-account prerequisites: what its constructs declared (libs/core requirePrerequisite,
 * minus what a stack of the app provides) and the state backend that every stack's `init` needs
 * (apps/bootstrap creates it, in no stack of the env).
 */
export function envPrerequisites(app: IConstruct, env: ResolvedEnv): Prerequisite[] {
  const backend: Prerequisite = {
    requirement: { kind: "state-backend", bucket: env.state.bucket, ...(env.state.dynamodbLocking ? { lockTable: env.state.lockTable } : {}) },
    accountId: env.accountId,
    region: env.state.region,
    neededBy: env.deployments.map((d) => ({ stack: d.stackName, neededAt: "plan" as const })),
    after: [],
    reason: "every stack keeps its state there (init fails without it); apps/bootstrap creates it once per account",
    declaredBy: ["environments/root.ts state"],
  };
  return mergePrerequisites([backend, ...declaredPrerequisites(app)]);
}

export function writePrerequisitesFile(outdir: string, app: IConstruct, env: ResolvedEnv): void {
  const file: PrerequisitesFile = { env: env.name, accountId: env.accountId, prerequisites: envPrerequisites(app, env) };
  writeFileSync(join(outdir, PREREQUISITES_FILE), `${JSON.stringify(file, null, 2)}\n`);
}

/** The file of the last synth into `outdir`, or undefined when that synth predates it. */
export function readPrerequisitesFile(outdir: string): PrerequisitesFile | undefined {
  const path = join(outdir, PREREQUISITES_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as PrerequisitesFile) : undefined;
}
