import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sha256 } from "./workdir";

/**
 * Saved plans of one env: `<plan dir>/<stack>.tfplan` plus `manifest.json`, which records for each
 * plan what it was made from (the sha256 of the stack's cdk.tf.json, the commit, the binary) and
 * what it does (counts, changed outputs). `deploy --from-plan` applies exactly these files and
 * refuses any that no longer match what is checked out. The plan dir sits outside cdktf.out, so
 * neither synth nor the Nx cache ever touches a plan.
 */

export interface PlanCounts {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  /** Replacements, also counted in add and destroy (as Terraform's own summary line does). */
  readonly replace: number;
  readonly hasChanges: boolean;
}

export interface PlanRecord {
  readonly planFile: string;
  readonly planSha256: string;
  readonly configSha256: string;
  readonly commit: string | undefined;
  readonly plannedAt: string;
  readonly binary: string;
  readonly counts: PlanCounts;
  /** Root outputs this plan creates, changes or removes (their dependents' plans go stale on apply). */
  readonly changedOutputs: readonly string[];
}

export interface PlanManifest {
  readonly version: 1;
  readonly env: string;
  readonly stacks: Record<string, PlanRecord>;
}

export const MANIFEST = "manifest.json";
export const LOCK_COPY = "providers.lock.hcl";

export function planFileOf(planDir: string, stack: string): string {
  return join(planDir, `${stack}.tfplan`);
}

export function readManifest(planDir: string, env: string): PlanManifest {
  const file = join(planDir, MANIFEST);
  if (!existsSync(file)) return { version: 1, env, stacks: {} };
  const parsed = JSON.parse(readFileSync(file, "utf8")) as PlanManifest;
  if (parsed.version !== 1 || parsed.env !== env) throw new Error(`${file}: not a plan manifest of ${env}`);
  return parsed;
}

export function writeManifest(planDir: string, manifest: PlanManifest): void {
  mkdirSync(planDir, { recursive: true });
  const file = join(planDir, MANIFEST);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** Forgets a stack's plan (a failed or superseded plan must never be applied). */
export function dropPlan(planDir: string, manifest: PlanManifest, stack: string): void {
  delete manifest.stacks[stack];
  rmSync(planFileOf(planDir, stack), { force: true });
}

export function fileSha256(file: string): string {
  return sha256(readFileSync(file));
}

/** Why a saved plan must not be applied, or undefined when it still matches what is checked out. */
export function staleness(
  planDir: string,
  record: PlanRecord | undefined,
  now: { configSha256: string; commit: string | undefined; binary: string },
): string | undefined {
  if (!record) return "no saved plan (run plan first)";
  const file = join(planDir, record.planFile);
  if (!existsSync(file)) return `plan file ${record.planFile} is missing`;
  if (fileSha256(file) !== record.planSha256) return `plan file ${record.planFile} changed after it was recorded`;
  if (record.configSha256 !== now.configSha256) return `cdk.tf.json changed since the plan of ${record.plannedAt} (synthesized config differs)`;
  if (record.commit && now.commit && record.commit !== now.commit) {
    return `planned at commit ${record.commit.slice(0, 12)}, the checkout is at ${now.commit.slice(0, 12)}`;
  }
  if (record.binary !== now.binary) return `planned with ${record.binary}, applying with ${now.binary}`;
  return undefined;
}

/** Counts and changed outputs from `show -json <planfile>` (see libs/plan-summary for the format). */
export function countsOf(planJson: string): { counts: PlanCounts; changedOutputs: string[] } {
  const plan = JSON.parse(planJson) as {
    resource_changes?: { change: { actions: string[] } }[];
    output_changes?: Record<string, { actions: string[] }>;
  };
  let add = 0;
  let change = 0;
  let destroy = 0;
  let replace = 0;
  for (const rc of plan.resource_changes ?? []) {
    const a = rc.change.actions.join(",");
    if (a === "create") add++;
    else if (a === "update") change++;
    else if (a === "delete") destroy++;
    else if (a === "delete,create" || a === "create,delete") {
      replace++;
      add++;
      destroy++;
    }
  }
  const changedOutputs = Object.entries(plan.output_changes ?? {})
    .filter(([, c]) => c.actions.join(",") !== "no-op")
    .map(([name]) => name)
    .sort();
  return { counts: { add, change, destroy, replace, hasChanges: add + change + destroy > 0 || changedOutputs.length > 0 }, changedOutputs };
}

/** `Apply complete! Resources: 1 added, 2 changed, 0 destroyed.` / `Destroy complete! Resources: 3 destroyed.` */
export function countsFromApplyLog(log: string): PlanCounts | undefined {
  const apply = [...log.matchAll(/Apply complete! Resources: (\d+) added, (\d+) changed, (\d+) destroyed/g)].at(-1);
  if (apply) {
    const [add, change, destroy] = [apply[1], apply[2], apply[3]].map(Number) as [number, number, number];
    return { add, change, destroy, replace: 0, hasChanges: add + change + destroy > 0 };
  }
  const destroyed = [...log.matchAll(/Destroy complete! Resources: (\d+) destroyed/g)].at(-1);
  if (destroyed) {
    const n = Number(destroyed[1]);
    return { add: 0, change: 0, destroy: n, replace: 0, hasChanges: n > 0 };
  }
  return undefined;
}

/**
 * Outputs of `dependency` that `dependentJson` reads through its remote-state data source (cdktf
 * names it `cross-stack-reference-input-<stack>`). A dependent's saved plan holds the values it read
 * at plan time; once the dependency changes one of these, that plan is stale.
 */
export function outputsRead(dependentJson: string, dependency: string): Set<string> {
  const escaped = dependency.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`data\\.terraform_remote_state\\.cross-stack-reference-input-${escaped}\\.outputs\\.([A-Za-z0-9_-]+)`, "g");
  return new Set([...dependentJson.matchAll(re)].map((m) => m[1]!));
}
