import { readFileSync } from "node:fs";
import { join } from "node:path";

export const FIXTURES = join(import.meta.dirname, "__fixtures__");

/** A fixture's raw text (tests only). */
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

/** A fixture parsed as JSON, untyped on purpose: the code under test must validate it. */
export function fixture(name: string): unknown {
  return JSON.parse(fixtureText(name));
}
