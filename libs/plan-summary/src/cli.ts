/**
 * plan-summary CLI: turns a directory of `terraform show -json` plans into the markdown of one PR
 * comment (or drift issue) per env.
 *
 *   npx tsx libs/plan-summary/src/cli.ts --env dev --dir plans/dev [--mode plan|drift]
 *     [--order stacks.json] [--run-url URL] [--sha SHA] [--out comment.md] [--summary-json summary.json]
 *     [--text-out dir]   (full plan text per stack, sensitive values masked: safe to upload as an artifact)
 *     [--append file.md]... (sections after the table: cost difference, policy summary; missing files are skipped)
 *
 * Exit 0 on success; 1 with a one-line message (no stack trace) on a bad argument or plan file.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { loadPlanDir } from "./load";
import { renderPlanComment } from "./render";
import { PlanFormatError } from "./summarize";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

class UsageError extends Error {}

/** Reads a stack order: a JSON array of names, or of objects with `name` / `stack` / `id`. */
export function readOrder(path: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`--order ${path}: ${(error as Error).message}`);
  }
  const list = Array.isArray(value) ? value : (value as { stacks?: unknown })?.stacks;
  if (!Array.isArray(list)) throw new UsageError(`--order ${path}: expected a JSON array of stack names.`);
  return list.map((item: unknown) => {
    if (typeof item === "string") return item;
    const named = item as Record<string, unknown> | null;
    const name = named?.name ?? named?.stack ?? named?.id;
    if (typeof name !== "string") throw new UsageError(`--order ${path}: entry ${JSON.stringify(item)} has no name.`);
    return name;
  });
}

export function run(argv: readonly string[]): CliResult {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        env: { type: "string" },
        dir: { type: "string" },
        mode: { type: "string", default: "plan" },
        order: { type: "string" },
        "run-url": { type: "string" },
        sha: { type: "string" },
        out: { type: "string" },
        "summary-json": { type: "string" },
        "text-out": { type: "string" },
        append: { type: "string", multiple: true },
      },
      strict: true,
    });
    if (!values.env) throw new UsageError("--env is required");
    if (!values.dir) throw new UsageError("--dir is required");
    if (values.mode !== "plan" && values.mode !== "drift") throw new UsageError(`--mode must be "plan" or "drift", got "${values.mode}"`);
    const stacks = loadPlanDir(values.dir, values.order ? readOrder(values.order) : []);
    const markdown = renderPlanComment(values.env, stacks, {
      mode: values.mode,
      ...(values["run-url"] ? { runUrl: values["run-url"] } : {}),
      ...(values.sha ? { commitSha: values.sha } : {}),
      // A section that could not be produced (its step failed) is left out rather than failing the comment.
      sections: (values.append ?? []).filter((f) => existsSync(f)).map((f) => readFileSync(f, "utf8")),
    });
    if (values["summary-json"]) {
      const summary = {
        env: values.env,
        hasChanges: stacks.some((s) => s.summary.hasChanges),
        errored: stacks.some((s) => s.summary.errored),
        stacks: stacks.map(({ stack, summary: { resources: _resources, ...counts } }) => ({ stack, ...counts })),
      };
      writeFileSync(values["summary-json"], `${JSON.stringify(summary, null, 2)}\n`);
    }
    if (values["text-out"]) {
      // Full, untruncated plan texts (sensitive values masked) to upload as an artifact instead of the JSON.
      mkdirSync(values["text-out"], { recursive: true });
      for (const s of stacks) writeFileSync(join(values["text-out"], `${s.stack}.txt`), `${s.planText ?? ""}\n`);
    }
    if (values.out) writeFileSync(values.out, markdown);
    return { code: 0, stdout: values.out ? "" : markdown, stderr: "" };
  } catch (error) {
    if (error instanceof PlanFormatError || error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      return { code: 1, stdout: "", stderr: `plan-summary: ${(error as Error).message}\n` };
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = run(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
