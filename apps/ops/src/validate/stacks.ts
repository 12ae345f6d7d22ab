import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** One synthesized stack to validate. */
export interface StackRef {
  /** The app it belongs to: an env name, or "bootstrap". */
  readonly app: string;
  readonly name: string;
  /** Absolute directory holding cdk.tf.json. */
  readonly dir: string;
  /** Resources + data sources: a cheap proxy for how long the stack takes to validate. */
  readonly blocks: number;
}

function countBlocks(file: string): number {
  const json = JSON.parse(readFileSync(file, "utf8")) as { resource?: Record<string, object>; data?: Record<string, object> };
  let n = 0;
  for (const byName of [...Object.values(json.resource ?? {}), ...Object.values(json.data ?? {})]) n += Object.keys(byName).length;
  return n;
}

/** The stacks synthesized under apps/<app>/cdktf.out/stacks; an app that was not synthesized is an error naming it. */
export function discoverStacks(root: string, apps: readonly string[]): StackRef[] {
  const out: StackRef[] = [];
  for (const app of apps) {
    const stacksDir = join(root, "apps", app, "cdktf.out", "stacks");
    if (!existsSync(stacksDir)) throw new Error(`apps/${app} is not synthesized (no ${join("apps", app, "cdktf.out", "stacks")}); run without --no-synth`);
    for (const name of readdirSync(stacksDir).sort()) {
      const file = join(stacksDir, name, "cdk.tf.json");
      if (existsSync(file)) out.push({ app, name, dir: join(stacksDir, name), blocks: countBlocks(file) });
    }
  }
  return out;
}

/**
 * Largest stacks first: with a bounded pool, starting the long jobs early keeps the total close to
 * max(longest stack, total work / parallelism) instead of ending on one big stack started last.
 */
export function scheduleOrder(stacks: readonly StackRef[]): StackRef[] {
  return [...stacks].sort((a, b) => b.blocks - a.blocks || a.name.localeCompare(b.name));
}
