#!/usr/bin/env node
// Runs the named npm scripts at the same time and fails if any fails: `npm test` type-checks, lints and checks formatting in
// parallel (ESLint and Prettier are single-threaded; with the native tsc, ADR 0140, the three together keep two cores busy).
// Each script's output is printed whole when it ends, so they never interleave.
import { spawn } from "node:child_process";

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  process.stderr.write("usage: run-scripts-in-parallel.mjs <npm script>...\n");
  process.exit(2);
}
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const runs = scripts.map(
  (name) =>
    new Promise((done) => {
      const child = spawn(npm, ["run", "-s", name], { stdio: ["ignore", "pipe", "pipe"] });
      const chunks = [];
      child.stdout.on("data", (d) => chunks.push(d));
      child.stderr.on("data", (d) => chunks.push(d));
      child.on("close", (code) => {
        const output = Buffer.concat(chunks).toString();
        if (output) process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
        if (code !== 0) process.stderr.write(`npm run ${name} failed (exit ${code})\n`);
        done(code ?? 1);
      });
    }),
);
const codes = await Promise.all(runs);
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
