import { expect, it } from "vitest";
import { type BadConfigCase, configErrorOf } from "./variants";

/**
 * One vitest test per case: resolving the variant (no construct exists yet) throws a ConfigError
 * that has the expected issue, and whose message prints it as `[level] path = value: allowed`
 * without a stack trace.
 */
export function runBadConfigCases(cases: readonly BadConfigCase[]): void {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const error = configErrorOf(c);
    const { level, path, value, allowed } = c.expect;
    const found = error.issues.find((i) => i.level === level && i.path === path && i.value === value);
    expect(found, `issues were:\n${error.message}`).toBeDefined();
    expect(found!.allowed).toContain(allowed);
    expect(error.message).toMatch(/^Invalid configuration \(\d+ problems?\):\n/);
    expect(error.message).toContain(`  - [${level}] ${path} = ${value}: ${found!.allowed}`);
    expect(error.message).not.toMatch(/\n\s+at /);
  });
}
