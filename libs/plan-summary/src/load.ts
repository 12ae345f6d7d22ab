import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { StackPlan } from "./render";
import { PlanFormatError, parsePlanJson, summarizePlan } from "./summarize";
import { renderPlanText } from "./text";

/**
 * Reads a directory of plans, one `<stack>.json` per stack (`terraform show -json <planfile>`), with an
 * optional `<stack>.txt` beside it (`terraform show -no-color <planfile>`) used as the full plan text;
 * without it the text is rendered from the JSON. Files whose name starts with `_` are ignored.
 * Stacks come back in `order` (e.g. deploy order), then the rest by name.
 */
export function loadPlanDir(dir: string, order: readonly string[] = []): StackPlan[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new PlanFormatError(`${dir}: no such directory of plan JSON files.`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json") && !f.startsWith("_"))
    .sort();
  const rank = (stack: string) => (order.includes(stack) ? order.indexOf(stack) : order.length);
  return files
    .map((file): StackPlan => {
      const stack = basename(file, ".json");
      const path = join(dir, file);
      const plan = parsePlanJson(readFileSync(path, "utf8"), path);
      const textPath = join(dir, `${stack}.txt`);
      const planText = existsSync(textPath) ? readFileSync(textPath, "utf8").trimEnd() : renderPlanText(plan);
      return { stack, summary: summarizePlan(plan, path), planText };
    })
    .sort((a, b) => rank(a.stack) - rank(b.stack) || a.stack.localeCompare(b.stack));
}
