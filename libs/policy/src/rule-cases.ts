/**
 * Table-driven rule tests, cdk-nag style: every rule states its Compliance case(s) (the status of
 * each checked address) and its Noncompliance cases (every failing finding, exactly), each case
 * a bend of one compliant baseline. One helper registers them, so a rule test is its table.
 */
import { describe, expect, it } from "vitest";
import type { CheckStatus } from "./report";
import { failures, statuses } from "./test-harness";
import type { Finding, JsonObject, PolicyRule, TerraformJson } from "./types";

type Resources = Record<string, Record<string, JsonObject>>;
type Input = Resources | TerraformJson;

/** A failing finding as the test expects it: the rule id is the rule's own. */
export interface ExpectedFailure extends Finding {
  address: string;
}

interface Case<T> {
  /** Test name after `Compliance: ` / `Noncompliance: `. */
  name: string;
  /** The stack JSON of this case, when it is not a bend of the table's fixture. */
  input?: () => Input;
  /** Bends a fresh copy of the fixture (or of `input`, typed as the fixture) into this case. */
  mutate?: (tf: T) => void;
}

export interface CompliantCase<T> extends Case<T> {
  /** Status of every address the rule checked (exact: a missing or extra address fails). */
  statuses: Record<string, CheckStatus>;
}

export interface NoncompliantCase<T> extends Case<T> {
  failures: ExpectedFailure[];
}

export interface RuleCases<T extends Input> {
  /** The compliant baseline; called once per case, so mutations never leak between cases. */
  fixture?: () => T;
  compliant: CompliantCase<T> | CompliantCase<T>[];
  noncompliant: NoncompliantCase<T>[];
}

function inputOf<T extends Input>(cases: RuleCases<T>, c: Case<T>): Input {
  const make = c.input ?? cases.fixture;
  if (!make) throw new Error(`case "${c.name}" has no input and the table no fixture`);
  const tf = make() as T;
  c.mutate?.(tf);
  return tf;
}

/**
 * `describe(title)` with one `it` per case. The title starts with the rule's id, so a search for
 * the id finds its test (and the registry test can tell that every rule has one).
 */
export function ruleCases<T extends Input = Resources>(rule: PolicyRule, title: string, cases: RuleCases<T>): void {
  if (!title.startsWith(`${rule.id} `)) throw new Error(`ruleCases title "${title}" must start with the rule's id ${rule.id}`);
  describe(title, () => {
    for (const c of [cases.compliant].flat()) {
      it(`Compliance: ${c.name}`, () => expect(statuses(rule, inputOf(cases, c))).toEqual(c.statuses));
    }
    for (const c of cases.noncompliant) {
      it(`Noncompliance: ${c.name}`, () => expect(failures(rule, inputOf(cases, c))).toEqual(c.failures.map((f) => ({ rule: rule.id, ...f }))));
    }
  });
}
