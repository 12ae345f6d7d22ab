import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { StackRef } from "../validate/stacks";

/**
 * The copy of each stack that checkov scans, as <dir>/<app>/<stack>/cdk.tf.json.
 *
 * checkov 3.3.30's terraform_json parser stops on the top-level `terraform` block ("this method
 * receives only dicts": it treats `required_version`, a string, as a block), and then checks nothing
 * in that file. That block holds only the backend and required_providers, which no AWS check reads,
 * so the copy leaves it out. The same parser fails on `moved` blocks (a list of `{ from, to }`
 * strings, which it also takes for blocks): they only tell Terraform that a resource changed its
 * address (a reviewed refactor, docs/refactoring.md), carry no configuration, so the copy leaves
 * them out too. Everything else is the synthesized JSON unchanged.
 */
export function scannableJson(cdkTfJson: string): string {
  const { terraform: _terraform, moved: _moved, ...rest } = JSON.parse(cdkTfJson) as Record<string, unknown>;
  return `${JSON.stringify(rest, null, 2)}\n`;
}

export function prepareScanDir(stacks: readonly StackRef[], dir: string): void {
  for (const s of stacks) {
    const out = join(dir, s.app, s.name);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "cdk.tf.json"), scannableJson(readFileSync(join(s.dir, "cdk.tf.json"), "utf8")));
  }
}
