import { PLACEHOLDERS_CHECK, PLACEHOLDER_GUARD } from "@infra/core";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * One line for `plan`/`diff`: how many of the planned stacks read other stacks' outputs, and how a
 * plan says that some of those are placeholders (docs/fresh-env-plan.md). Only Terraform knows which
 * producers exist; it names them in each stack's plan. Undefined when no planned stack reads any.
 */
export function placeholderNote(stacksDir: string, stacks: readonly string[]): string | undefined {
  let consumers = 0;
  let reads = 0;
  for (const stack of stacks) {
    const file = join(stacksDir, stack, "cdk.tf.json");
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, "utf8")) as { data?: { terraform_remote_state?: Record<string, { defaults?: object }> } };
    const states = Object.values(json.data?.terraform_remote_state ?? {});
    if (states.length === 0) continue;
    consumers += 1;
    reads += states.reduce((n, s) => n + Object.keys(s.defaults ?? {}).length, 0);
  }
  if (consumers === 0) return undefined;
  return (
    `placeholders: ${consumers} of ${stacks.length} stacks read ${reads} outputs of other stacks; where that stack is not applied yet, ` +
    `the plan uses marked placeholders, warns "Check block assertion failed" (check.${PLACEHOLDERS_CHECK}) naming them and adds ` +
    `terraform_data.${PLACEHOLDER_GUARD}, which makes apply refuse that stack until its dependencies are applied (docs/fresh-env-plan.md)\n`
  );
}
