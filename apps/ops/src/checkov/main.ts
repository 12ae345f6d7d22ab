/**
 * `npm run checkov`: the pinned checkov (tools/checkov/requirements.txt, installed into the gitignored
 * .venv-checkov on first use) over every synthesized cdk.tf.json of every env and of apps/bootstrap.
 * Each failure is skipped with a reason (tools/checkov/skips.yaml), listed as a known defect
 * (tools/checkov/known-findings.yaml), or new: any new failure exits 1.
 *
 *   npm run checkov [-- --no-synth] [--json]
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { allRules } from "@infra/policy";
import { ENVS } from "../envs";
import { policyReport } from "../policy";
import { WORKSPACE_ROOT } from "../run";
import { discoverStacks } from "../validate/stacks";
import { APPS_WITH_BOOTSTRAP, synthApps } from "../validate/synth";
import { classify, countByCheck } from "./classify";
import { parseCheckovOutput } from "./findings";
import { packWaiverLookup } from "./pack-waivers";
import { KNOWN_FILE, loadKnown, loadSkips, SKIPS_FILE } from "./policy-files";
import { prepareScanDir } from "./prepare";

const REQUIREMENTS = join("tools", "checkov", "requirements.txt");
const VENV = ".venv-checkov";
const log = (line: string): void => void process.stdout.write(`${line}\n`);
/** Progress (install, synth) goes to stderr: stdout is the report, or JSON with --json. */
const progress = (line: string): void => void process.stderr.write(`${line}\n`);

/** The venv with exactly the pinned requirements: rebuilt when requirements.txt changes. Returns the checkov path. */
export function ensureVenv(root: string, python = process.env["PYTHON"] ?? "python3"): string {
  const venv = join(root, VENV);
  const marker = join(venv, ".requirements.sha256");
  const want = createHash("sha256")
    .update(readFileSync(join(root, REQUIREMENTS)))
    .digest("hex");
  const checkov = join(venv, "bin", "checkov");
  if (existsSync(checkov) && existsSync(marker) && readFileSync(marker, "utf8").trim() === want) return checkov;
  progress(`checkov: installing ${REQUIREMENTS} into ${VENV}/ …`);
  rmSync(venv, { recursive: true, force: true });
  const steps: string[][] = [
    [python, "-m", "venv", venv],
    [join(venv, "bin", "python"), "-m", "pip", "install", "--disable-pip-version-check", "--no-input", "--quiet", "-r", REQUIREMENTS],
  ];
  for (const [cmd, ...args] of steps) {
    const r = spawnSync(cmd!, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
    if (r.status !== 0) throw new Error(`${[cmd, ...args].join(" ")} failed (exit ${r.status ?? r.error?.message})`);
  }
  writeFileSync(marker, `${want}\n`);
  return checkov;
}

/** Our pack's rules that mirror a checkov id, for "does our pack cover this?" in every report line. */
function packRulesFor(check: string): string[] {
  return allRules.filter((r) => r.mirrors.includes(check)).map((r) => r.id);
}

export function main(argv: readonly string[]): number {
  const { values } = parseArgs({ args: [...argv], options: { "no-synth": { type: "boolean", default: false }, json: { type: "boolean", default: false } } });
  const root = WORKSPACE_ROOT;
  const skips = loadSkips(root);
  const known = loadKnown(root);
  const checkov = ensureVenv(root);
  if (!values["no-synth"]) synthApps(root, progress);
  const stacks = discoverStacks(root, APPS_WITH_BOOTSTRAP);
  const scanDir = mkdtempSync(join(tmpdir(), "infra-checkov-"));
  try {
    prepareScanDir(stacks, scanDir);
    const started = Date.now();
    const r = spawnSync(checkov, ["-d", scanDir, "--framework", "terraform_json", "-o", "json", "--quiet", "--compact", "--skip-download"], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, LOG_LEVEL: "ERROR" },
    });
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (!r.stdout?.trim().startsWith("{") && !r.stdout?.trim().startsWith("[")) {
      throw new Error(`checkov printed no JSON (exit ${r.status}):\n${(r.stderr || r.stdout || "").slice(0, 4000)}`);
    }
    const summary = (JSON.parse(r.stdout) as { summary?: { passed: number; failed: number; parsing_errors: number } }).summary;
    if (summary && summary.parsing_errors > 0) throw new Error(`checkov could not parse ${summary.parsing_errors} file(s): those stacks were not checked`);
    const findings = parseCheckovOutput(r.stdout, (rel) => readFileSync(join(scanDir, rel), "utf8"));
    const packResults = ENVS.flatMap((env) => policyReport(env).reports.flatMap((r) => r.results));
    const c = classify(findings, skips, known, packWaiverLookup(packResults));
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ summary, ...c }, null, 2)}\n`);
      return c.failed.length > 0 ? 1 : 0;
    }
    log(
      `checkov over ${stacks.length} stacks in ${secs} s: ${summary?.passed ?? "?"} passed, ${findings.length} failed = ` +
        `${c.waived.length} waived by our pack (env config) + ${c.skipped.length} skipped (${SKIPS_FILE}) + ` +
        `${c.known.length} known defects (${KNOWN_FILE}) + ${c.failed.length} new`,
    );
    for (const [check, n] of countByCheck(c.waived.map((w) => w.finding))) {
      const w = c.waived.find((x) => x.finding.check === check)!.waiver;
      log(`  waived  ${check.padEnd(12)} x${String(n).padEnd(4)} ${w.rule} waivers in env config (e.g. ${w.level ?? "config"}: ${w.reason.slice(0, 80)})`);
    }
    for (const [check, n] of countByCheck(c.skipped.map((k) => k.finding))) {
      log(`  skipped ${check.padEnd(12)} x${String(n).padEnd(4)} ${c.skipped.find((k) => k.finding.check === check)!.skip.ref}`);
    }
    for (const [check, n] of countByCheck(c.known.map((k) => k.finding))) {
      log(`  known   ${check.padEnd(12)} x${String(n).padEnd(4)} ${c.known.find((k) => k.finding.check === check)!.entry.defect.split("\n")[0]}`);
    }
    for (const k of c.staleKnown) log(`  FIXED?  ${k.check} ${k.resources.join(" ")}: matches nothing now; remove it from ${KNOWN_FILE}`);
    for (const s of c.unusedSkips) log(`  unused skip ${s.check}${s.resources ? ` ${s.resources.join(" ")}` : ""}: nothing to skip in this run`);
    for (const f of c.failed) {
      const pack = packRulesFor(f.check);
      log(`  NEW     ${f.check} ${f.name}\n          ${f.app}/${f.stack} ${f.address}${pack.length ? ` (our pack: ${pack.join(", ")})` : ""}`);
    }
    if (c.failed.length > 0) {
      log(`${c.failed.length} new checkov failure(s): fix them, or add a skip with a reason to ${SKIPS_FILE}`);
      return 1;
    }
    return 0;
  } finally {
    rmSync(scanDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`checkov: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
