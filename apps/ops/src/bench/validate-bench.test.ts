import { mkdirSync, mkdtempSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatValidateBench, validateBenchSkipReason, type ValidateBenchRow } from "./validate-bench";

const ROOT = resolve(__dirname, "..", "..", "..", "..");

describe("validate figures of npm run bench", () => {
  it("prints sequential and parallel, cold and warm, side by side with the ratio to the slowest stack", () => {
    const row = (name: string, parallelism: number, cache: "cold" | "warm", wallMs: number): ValidateBenchRow => ({
      name,
      parallelism,
      cache,
      wallMs,
      peakRssMb: 500,
      stacks: 86,
      failed: 0,
      slowestMs: 10_000,
    });
    const lines = formatValidateBench([
      row("prod sequential, cold", 1, "cold", 400_000),
      row("prod sequential, warm", 1, "warm", 300_000),
      row("prod parallel x2, cold", 2, "cold", 200_000),
      row("prod parallel x2, warm", 2, "warm", 150_000),
    ]);
    expect(lines[0]).toContain("| wall | peak RSS | stacks | failed | slowest stack | wall / slowest |");
    expect(lines[2]).toMatch(/prod sequential, cold +\| +400\.0 s \|.*\| +10\.0 s \| +40\.0x \|/);
    expect(lines.at(-1)).toBe("parallel vs sequential (warm): 50% of the time; goal: whole env < 3x the slowest stack (parallel warm: 15.0x)");
  });

  it("says why it skips when the toolchain is not built", () => {
    const cache = mkdtempSync(join(tmpdir(), "tc-"));
    const root = mkdtempSync(join(tmpdir(), "ws-"));
    mkdirSync(join(root, "tools", "toolchain"), { recursive: true });
    copyFileSync(join(ROOT, "tools", "toolchain", "versions.json"), join(root, "tools", "toolchain", "versions.json"));
    const before = process.env["INFRA_TOOLCHAIN_CACHE"];
    process.env["INFRA_TOOLCHAIN_CACHE"] = cache;
    try {
      expect(validateBenchSkipReason(root)).toMatch(/not available from the Go module proxy|toolchain not built/);
    } finally {
      if (before === undefined) delete process.env["INFRA_TOOLCHAIN_CACHE"];
      else process.env["INFRA_TOOLCHAIN_CACHE"] = before;
    }
  });
});
