#!/usr/bin/env node
// `nx run <project>:test`: vitest over exactly the files of one Nx project. A bare `vitest run libs/rds`
// is a substring filter (it also runs libs/rds-proxy, and environments/ runs every env's tests);
// --dir scans one folder and the --exclude flags leave out nested projects (their own test target runs them).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const root = process.argv[2];
if (!root) throw new Error("usage: vitest-project.mjs <projectRoot> [vitest args...]");
const nested = [];
(function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name === "node_modules" || e.name === "cdktf.out" || e.name.startsWith(".")) continue;
    const sub = join(dir, e.name);
    if (existsSync(join(sub, "project.json"))) nested.push(sub);
    else walk(sub);
  }
})(root);
const args = ["run", "--dir", root, "--passWithNoTests", ...nested.flatMap((n) => ["--exclude", `${n}/**`]), ...process.argv.slice(3)];
const r = spawnSync(join("node_modules", ".bin", "vitest"), args, { stdio: "inherit" });
process.exit(r.status ?? 1);
