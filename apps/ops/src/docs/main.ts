/**
 * `npm run docs`: rewrite docs/generated/*.md from the envs (one synth each).
 * `npm run docs -- --check`: write nothing, exit 1 naming every stale page (what the test checks too).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ENVS } from "../envs";
import { WORKSPACE_ROOT } from "../run";
import { REGENERATE, generateDocs } from "./generate";

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== "--check");
if (unknown.length) {
  process.stderr.write(`docs: unknown option ${unknown[0]} (usage: npm run docs [-- --check])\n`);
  process.exit(2);
}
const check = args.includes("--check");
const stale: string[] = [];
for (const doc of generateDocs(ENVS)) {
  const file = join(WORKSPACE_ROOT, doc.path);
  let current: string | undefined;
  try {
    current = readFileSync(file, "utf8");
  } catch {
    current = undefined;
  }
  if (current === doc.content) continue;
  if (check) {
    stale.push(doc.path);
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, doc.content);
    process.stdout.write(`wrote ${doc.path}\n`);
  }
}
if (stale.length) {
  process.stderr.write(`stale: ${stale.join(", ")} (run ${REGENERATE} and commit the result)\n`);
  process.exit(1);
}
