import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

export interface PrunedStack {
  readonly stack: string;
  /** Where its state was (from its last cdk.tf.json), e.g. `s3://bucket/key`, when known. */
  readonly state?: string;
}

/**
 * cdktf writes the stacks it knows and leaves every other folder in `<outdir>/stacks` alone, so a
 * renamed or removed deployment kept its old folder (and `plan --env` of a stale folder, or the Nx
 * cache, carried it on). Removes every stack folder that is not one of `keep`.
 */
export function pruneStaleStacks(outdir: string, keep: Iterable<string>): PrunedStack[] {
  const dir = join(outdir, "stacks");
  if (!existsSync(dir)) return [];
  const wanted = new Set(keep);
  const pruned: PrunedStack[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || wanted.has(entry.name)) continue;
    pruned.push({ stack: entry.name, ...stateOf(join(dir, entry.name, "cdk.tf.json")) });
    rmSync(join(dir, entry.name), { recursive: true, force: true });
  }
  return pruned;
}

function stateOf(file: string): { state?: string } {
  try {
    const backend = (JSON.parse(readFileSync(file, "utf8")) as { terraform?: { backend?: { s3?: { bucket?: string; key?: string } } } }).terraform?.backend?.s3;
    return backend?.bucket && backend.key ? { state: `s3://${backend.bucket}/${backend.key}` } : {};
  } catch {
    return {};
  }
}

/** The warning for each pruned folder: its resources (if it was ever applied) are still in AWS. */
export function prunedMessage(p: PrunedStack): string {
  return `removed stale stack folder ${p.stack} (no longer in the config${p.state ? `; if it was applied, its resources and state ${p.state} remain until destroyed` : ""})`;
}
