/**
 * Drift check for one env, for the scheduled workflow:
 *
 *   npx tsx libs/plan-summary/src/drift-cli.ts --env prod --out drift/prod
 *     [--stacks-dir apps/prod/cdktf.out/stacks] [--terraform terraform]
 *
 * Exit 0: no drift; 2: drift in at least one stack; 1: a stack could not be planned (or bad usage).
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { detectDrift, driftExitCode, type Exec } from "./drift";

export function runDriftCli(argv: readonly string[], exec?: Exec): { code: 0 | 1 | 2; lines: string[] } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { env: { type: "string" }, out: { type: "string" }, "stacks-dir": { type: "string" }, terraform: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    return { code: 1, lines: [`drift: ${(error as Error).message}`] };
  }
  if (!values.env || !values.out) return { code: 1, lines: ["drift: --env and --out are required"] };
  const stacksDir = values["stacks-dir"] ?? `apps/${values.env}/cdktf.out/stacks`;
  let results;
  try {
    results = detectDrift({ stacksDir, outDir: values.out, ...(values.terraform ? { terraform: values.terraform } : {}), ...(exec ? { exec } : {}) });
  } catch (error) {
    return { code: 1, lines: [`drift: ${(error as Error).message}`] };
  }
  const lines = results.map((r) => `${r.status.padEnd(5)} ${r.stack}${r.message ? `\n${r.message.replace(/^/gm, "      ")}` : ""}`);
  const code = driftExitCode(results);
  lines.push(`drift: ${values.env}: ${results.length} stacks, ${results.filter((r) => r.status === "drift").length} drifted, ${results.filter((r) => r.status === "error").length} failed`);
  return { code, lines };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { code, lines } = runDriftCli(process.argv.slice(2));
  (code === 1 ? console.error : console.log)(lines.join("\n"));
  process.exitCode = code;
}
