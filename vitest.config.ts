import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

// One source of truth for import aliases: tsconfig.base.json's `paths`.
const tsconfig = JSON.parse(readFileSync(resolve(__dirname, "tsconfig.base.json"), "utf8")) as {
  compilerOptions: { paths: Record<string, string[]> };
};
// Exact matches only: "@infra/rds" must not capture "@infra/rds/engine".
const alias = Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => ({
  find: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`),
  replacement: resolve(__dirname, target!),
}));

export default defineConfig({
  resolve: { alias },
  test: {
    include: ["apps/**/*.test.ts", "libs/**/*.test.ts", "environments/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/cdktf.out/**"],
    setupFiles: [resolve(__dirname, "libs/testing-core/src/setup.ts")],
    environment: "node",
    pool: "forks",
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
