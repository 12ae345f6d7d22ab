import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

// One source of truth for import aliases: tsconfig.base.json's `paths`.
const tsconfig = JSON.parse(readFileSync(resolve(import.meta.dirname, "tsconfig.base.json"), "utf8")) as {
  compilerOptions: { paths: Record<string, string[]> };
};
// Exact matches only: "@infra/rds" must not capture "@infra/rds/engine".
const alias = Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => ({
  find: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`),
  replacement: resolve(import.meta.dirname, target!),
}));

export default defineConfig({
  resolve: { alias },
  test: {
    // Relative to vitest's `dir`, so `nx run <project>:test` (tools/nx/vitest-project.mjs: --dir <projectRoot>) finds the
    // project's files; patterns starting at apps/ or libs/ matched nothing under --dir and every project target passed empty.
    include: ["**/*.test.ts"],
    // *.pg.test.ts need a PostgreSQL server and run on their own: npm run test:postgres (vitest.postgres.config.ts).
    exclude: ["**/node_modules/**", "**/cdktf.out/**", "**/.*/**", "**/*.pg.test.ts"],
    // testing-core: cdktf matchers, V8 stack hooks reset per file; testing: cdktf's token creation stacks
    // skipped as in the synth entry points (~40% less CPU for whole-env synth tests).
    setupFiles: [resolve(import.meta.dirname, "libs/testing-core/src/setup.ts"), resolve(import.meta.dirname, "libs/testing/src/setup-fast-tokens.ts")],
    environment: "node",
    pool: "forks",
    // One module graph per worker instead of one per test file: cdktf, the provider classes and the
    // workload registry load once per worker (isolated, the import + setup phase was ~60% of the run),
    // and synthEnvOnce (libs/testing) shares each synthesized env between the files of a worker.
    // Safe here: no test mocks modules, and the two that set process.env restore it. See docs/testing.md.
    isolate: false,
    // Default is cores - 1 (one worker on this 2-core machine); many tests wait on child processes
    // (stand-in tofu, nx, the CLI bundle), so a worker per core keeps both cores busy.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
