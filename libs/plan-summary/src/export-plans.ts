/**
 * After `npm run infra -- plan --env <env>` (which leaves a `tfplan` in every stack directory),
 * writes `<out>/<stack>.json` (`terraform show -json tfplan`) and `<out>/<stack>.txt`
 * (`terraform show -no-color tfplan`) for plan-summary:
 *
 *   npx tsx libs/plan-summary/src/export-plans.ts --env dev --out plans/dev
 *     [--stacks-dir apps/dev/cdktf.out/stacks] [--terraform terraform]
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { defaultExec, listStacks, type Exec } from "./drift";

export interface ExportOptions {
  stacksDir: string;
  outDir: string;
  terraform?: string;
  exec?: Exec;
  /** Saved plan's file name inside each stack directory. */
  planFile?: string;
}

/** Exports every stack's saved plan; throws naming the stack when one is missing or unreadable. */
export function exportPlans(options: ExportOptions): string[] {
  const exec = options.exec ?? defaultExec;
  const tf = options.terraform ?? "terraform";
  const planFile = options.planFile ?? "tfplan";
  const stacks = listStacks(options.stacksDir);
  const missing = stacks.filter((s) => !existsSync(join(options.stacksDir, s, planFile)));
  if (missing.length) throw new Error(`no saved plan (${planFile}) for: ${missing.join(", ")}. Run the plan first.`);
  mkdirSync(options.outDir, { recursive: true });
  for (const stack of stacks) {
    const cwd = join(options.stacksDir, stack);
    for (const [flag, ext] of [["-json", "json"], ["-no-color", "txt"]] as const) {
      const r = exec(tf, ["show", flag, planFile], cwd);
      if (r.status !== 0) throw new Error(`${stack}: terraform show ${flag} failed: ${r.stderr.trim().split("\n").slice(-5).join("\n")}`);
      writeFileSync(join(options.outDir, `${stack}.${ext}`), r.stdout);
    }
  }
  return stacks;
}

export function runExportCli(argv: readonly string[], exec?: Exec): { code: number; message: string } {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { env: { type: "string" }, out: { type: "string" }, "stacks-dir": { type: "string" }, terraform: { type: "string" } },
      strict: true,
    });
    if (!values.env || !values.out) return { code: 1, message: "export-plans: --env and --out are required" };
    const stacks = exportPlans({
      stacksDir: values["stacks-dir"] ?? `apps/${values.env}/cdktf.out/stacks`,
      outDir: values.out,
      ...(values.terraform ? { terraform: values.terraform } : {}),
      ...(exec ? { exec } : {}),
    });
    return { code: 0, message: `export-plans: ${values.env}: ${stacks.length} plans written to ${values.out}` };
  } catch (error) {
    return { code: 1, message: `export-plans: ${(error as Error).message}` };
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { code, message } = runExportCli(process.argv.slice(2));
  (code ? console.error : console.log)(message);
  process.exitCode = code;
}
