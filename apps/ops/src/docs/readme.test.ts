/**
 * The README is what a new engineer runs first: every command it shows must exist as written (npm scripts,
 * CLI commands and their options, Nx targets), CI must run what it says CI runs, and no link in it or in
 * docs/ may point at a missing file or outside the repo. Behaviour of each command is tested beside it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ALLOWED, COMMANDS } from "../cli";
import { WORKSPACE_ROOT } from "../run";

const read = (p: string) => readFileSync(join(WORKSPACE_ROOT, p), "utf8");
const readme = read("README.md");
/** Inline code spans and fenced code lines: where commands are written. */
const code = [...readme.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!).concat(readme.split("\n").filter((l) => /^(npm|npx) /.test(l)));

function markdownFiles(dir: string): string[] {
  return readdirSync(join(WORKSPACE_ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(WORKSPACE_ROOT, path)).isDirectory()) return markdownFiles(path);
    return name.endsWith(".md") ? [path] : [];
  });
}

describe("README", () => {
  it("stays short: under 15 KB (per-workload, policy and cost tables live in docs/generated)", () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(15_000);
  });

  it("starts with the install+synth command and the test command, and CI runs exactly what it says", () => {
    const first = /```sh\n([\s\S]*?)```/.exec(readme)![1]!.split("\n").map((l) => l.replace(/\s+#.*$/, "").trim());
    expect(first.slice(0, 2)).toEqual(["npm ci && npm run synth", "npm test"]);
    expect(readme.indexOf("```sh")).toBeLessThan(readme.indexOf("\n## "));
    const ci = read(".ci/run").split("\n").filter((l) => /^npm /.test(l));
    expect(ci).toEqual(["npm ci --no-audit --no-fund", "npm test", "npm run -s test:postgres", "npm run -s checkov", "npm run -s validate -- --no-synth --if-toolchain"]);
    for (const step of ci.slice(1)) expect(readme, `README's CI paragraph names \`${step}\``).toContain(`\`${step}\``);
  });

  it("names only npm scripts that package.json defines", () => {
    const scripts = Object.keys((JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts);
    const used = [...new Set(code.flatMap((c) => [...c.matchAll(/npm run (?:-s )?([\w:-]+)/g)].map((m) => m[1]!)))];
    expect(used.length).toBeGreaterThanOrEqual(8);
    expect(used.filter((s) => !scripts.includes(s))).toEqual([]);
  });

  it("uses only CLI commands and options that apps/ops/src/cli.ts accepts", () => {
    const calls = code.flatMap((c) => [...c.matchAll(/npm run infra -- ([^`|]*)/g)].map((m) => m[1]!.trim()));
    expect(calls.length).toBeGreaterThan(15);
    const problems: string[] = [];
    for (const call of calls) {
      const [command, ...rest] = call.split(/\s+/);
      if (command === "--help" || command === "<command>") continue;
      if (!COMMANDS.includes(command!)) {
        problems.push(`${call}: unknown command ${command}`);
        continue;
      }
      for (const option of rest.join(" ").matchAll(/--([a-z-]+)/g)) {
        if (!ALLOWED[command!]!.includes(option[1]!)) problems.push(`${call}: ${command} does not take --${option[1]}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("uses only Nx targets (and configurations) the projects define", () => {
    const projects = new Map<string, { targets: Record<string, { configurations?: Record<string, unknown> }> }>();
    for (const dir of ["apps", "environments"]) {
      for (const name of readdirSync(join(WORKSPACE_ROOT, dir))) {
        const file = join(WORKSPACE_ROOT, dir, name, "project.json");
        if (!existsSync(file)) continue;
        const project = JSON.parse(readFileSync(file, "utf8")) as { name: string; targets?: Record<string, { configurations?: Record<string, unknown> }> };
        projects.set(project.name, { targets: project.targets ?? {} });
      }
    }
    const runs = [...readme.matchAll(/npx nx run ([\w<>-]+):([\w-]+)(?::([\w-]+))?/g)].map((m) => ({ project: m[1]!, target: m[2]!, config: m[3] }));
    expect(runs.length).toBeGreaterThan(10);
    const missing = runs
      .map((r) => ({ ...r, project: r.project === "<env>" ? "dev" : r.project }))
      .filter((r) => (r.target === "<target>" ? !projects.has(r.project) : !projects.get(r.project)?.targets[r.target] || (r.config && !projects.get(r.project)!.targets[r.target]!.configurations?.[r.config])))
      .map((r) => `${r.project}:${r.target}${r.config ? `:${r.config}` : ""}`);
    expect(missing).toEqual([]);
  });
});

describe("links in README.md and docs/", () => {
  it("resolve to files in the repo", () => {
    const broken: string[] = [];
    for (const file of ["README.md", ...markdownFiles("docs")]) {
      const text = read(file);
      for (const m of text.matchAll(/\]\(([^)\s#]+)(#[^)\s]*)?\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/.test(target)) continue; // https:, mailto:
        const abs = resolve(WORKSPACE_ROOT, dirname(file), target);
        if (relative(WORKSPACE_ROOT, abs).startsWith("..")) broken.push(`${file}: ${target} leaves the repo`);
        else if (!existsSync(abs)) broken.push(`${file}: ${target} does not exist`);
      }
      for (const m of text.matchAll(/\.\.\/shared\/[\w./-]+/g)) broken.push(`${file}: cites ${m[0]} (outside the repo; docs/POLICIES.md and docs/glossary.md are the in-repo copies)`);
    }
    expect(broken).toEqual([]);
  });
});
