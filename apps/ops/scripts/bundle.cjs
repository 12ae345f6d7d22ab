"use strict";
// One esbuild configuration for every TypeScript entry point run as a plain Node file (the ops CLI,
// entry points tests start in child processes): bundled with the workspace's tsconfig paths,
// packages left to node_modules.
const { buildSync } = require("esbuild");
const { join, resolve } = require("node:path");

const root = resolve(__dirname, "..", "..", "..");

/** Bundles `entry` (workspace-relative) into `outfile` (absolute, under the workspace so packages resolve). */
function bundle(entry, outfile) {
  buildSync({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    tsconfig: join(root, "tsconfig.base.json"),
    outfile,
    logLevel: "warning",
  });
}

module.exports = { bundle, root };
