// ESLint rule `layers/enforce`: an import may only point at a layer that its own layer lists in `allow`.
//
// Why not @nx/enforce-module-boundaries: @nx/eslint-plugin is not published at this workspace's Nx
// version, and mixing Nx majors breaks the devkit. This rule reads the same data Nx does: the `layer:*`
// tag of every project.json, plus `metadata.layers` for folders or files of a project that sit in
// another layer (a workload's src/inputs, a construct library's cdktf-free schema entry).
// Imports are resolved through tsconfig.base.json `paths` (exact names) and relative paths.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const SKIP = new Set(["node_modules", "cdktf.out", "dist", "tfrun"]);

/** Every project of the workspace: root (relative, posix), its layer and its sub-layers. */
export function readLayers(workspaceRoot) {
  const projects = [];
  (function walk(dir) {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (!SKIP.has(e.name) && !e.name.startsWith(".")) walk(join(dir, e.name));
      } else if (e.name === "project.json") {
        const json = JSON.parse(readFileSync(join(dir, e.name), "utf8"));
        const root = toPosix(relative(workspaceRoot, dir));
        const layer = (json.tags ?? []).find((t) => t.startsWith("layer:"));
        if (!layer) throw new Error(`${join(dir, e.name)}: no layer:* tag (every project has one; see docs/adr/0050-layers.md)`);
        const sub = Object.entries(json.metadata?.layers ?? {}).map(([path, l]) => ({ prefix: join0(root, path), layer: l }));
        projects.push({ name: json.name, root, layer, sub });
      }
    }
  })(workspaceRoot);
  // deepest root first: a file belongs to the innermost project
  return projects.sort((a, b) => b.root.length - a.root.length);
}

const toPosix = (p) => p.split(sep).join("/");
const join0 = (root, p) => (root === "" ? p : `${root}/${p}`);
const inside = (file, prefix) => prefix === "" || file === prefix || file.startsWith(`${prefix}/`);

/** The layer of a workspace-relative file, with the project that owns it. */
export function layerOfFile(projects, file) {
  const project = projects.find((p) => inside(file, p.root));
  if (!project) return undefined;
  const sub = project.sub
    .filter((s) => inside(file, s.prefix) || file.replace(/\.ts$/, "") === s.prefix.replace(/\.ts$/, ""))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];
  return { project: project.name, layer: sub?.layer ?? project.layer };
}

const cache = new Map();
function workspace(root) {
  if (!cache.has(root)) {
    const paths = JSON.parse(readFileSync(join(root, "tsconfig.base.json"), "utf8")).compilerOptions.paths ?? {};
    cache.set(root, { projects: readLayers(root), paths });
  }
  return cache.get(root);
}

function resolveImport(ws, root, fromFile, spec) {
  const alias = ws.paths[spec];
  if (alias) return toPosix(relative(root, resolve(root, alias[0])));
  if (!spec.startsWith(".")) return undefined;
  const abs = resolve(dirname(fromFile), spec);
  for (const candidate of [abs, `${abs}.ts`, join(abs, "index.ts")]) if (existsSync(candidate)) return toPosix(relative(root, candidate));
  return toPosix(relative(root, abs));
}

const rule = {
  meta: {
    type: "problem",
    docs: { description: "Imports follow the layer order declared by the layer:* tags of project.json" },
    schema: [
      {
        type: "object",
        properties: { workspaceRoot: { type: "string" }, allow: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } } },
        required: ["workspaceRoot", "allow"],
        additionalProperties: false,
      },
    ],
    messages: {
      wrongDirection:
        "{{fromLayer}} ({{fromProject}}) may not import {{toLayer}} ({{toProject}}: '{{spec}}'). {{fromLayer}} may import: {{allowed}}. See docs/adr/0050-layers.md.",
      unknownLayer: "{{layer}} is not a layer listed in the `allow` table of eslint.config.mjs",
    },
  },
  create(context) {
    const { workspaceRoot, allow } = context.options[0];
    const ws = workspace(workspaceRoot);
    const file = toPosix(relative(workspaceRoot, context.filename));
    const from = layerOfFile(ws.projects, file);
    if (!from) return {};
    if (!allow[from.layer]) {
      return { Program: (node) => context.report({ node, messageId: "unknownLayer", data: { layer: from.layer } }) };
    }
    function check(node, source) {
      if (!source || typeof source.value !== "string") return;
      const target = resolveImport(ws, workspaceRoot, context.filename, source.value);
      if (!target) return;
      const to = layerOfFile(ws.projects, target);
      if (!to || to.layer === from.layer || allow[from.layer].includes(to.layer)) return;
      context.report({
        node: source,
        messageId: "wrongDirection",
        data: {
          fromLayer: from.layer,
          fromProject: from.project,
          toLayer: to.layer,
          toProject: to.project,
          spec: source.value,
          allowed: allow[from.layer].join(", ") || "(nothing but itself)",
        },
      });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { meta: { name: "layers" }, rules: { enforce: rule } };
