import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";

/**
 * The two reviewed files that decide what a checkov failure means:
 *
 * - tools/checkov/skips.yaml: checks that do not apply here (false positives, decided trade-offs),
 *   one entry per check id, each with a reason and a cross-reference to our policy pack (INF-... ids)
 *   or to the decision that makes it inapplicable. Permanent.
 * - tools/checkov/known-findings.yaml: real defects, not yet fixed, each pointing at its defect.
 *   A baseline that shrinks to empty as fixes land: CI passes on what is listed and fails on anything new.
 */
export const SKIPS_FILE = join("tools", "checkov", "skips.yaml");
export const KNOWN_FILE = join("tools", "checkov", "known-findings.yaml");

const checkId = z.string().regex(/^CKV2?_AWS_\d+$/, "a checkov AWS check id (CKV_AWS_<n> or CKV2_AWS_<n>)");
/** `<stack glob>/<address glob>`, `*` matching any run of characters (e.g. `prod-*-network-vpc/aws_flow_log.*`). */
const resourcePattern = z.string().regex(/^[^/]+\/[^/]+$/, "a <stack glob>/<address glob> pattern");

const skip = z
  .object({
    check: checkId,
    /** Why the check does not apply, in a sentence a reviewer can judge. */
    reason: z.string().min(20),
    /** Our policy pack's rule ids (INF-...) covering the same risk, or the decision (doc path) that makes the check inapplicable. */
    ref: z.string().min(3),
    /** Only these resources; omitted = the check is skipped everywhere. */
    resources: z.array(resourcePattern).min(1).optional(),
  })
  .strict();

const known = z
  .object({
    check: checkId,
    resources: z.array(resourcePattern).min(1),
    /** The defect: what is wrong and where it is tracked (findings id / issue). */
    defect: z.string().min(10),
  })
  .strict();

export const skipsFileSchema = z.object({ skips: z.array(skip) }).strict();
export const knownFileSchema = z.object({ known: z.array(known).default([]) }).strict();

export type Skip = z.infer<typeof skip>;
export type Known = z.infer<typeof known>;

function load<T>(schema: z.ZodType<T>, root: string, file: string): T {
  const data: unknown = parse(readFileSync(join(root, file), "utf8")) ?? {};
  const r = schema.safeParse(data);
  if (!r.success) {
    const problems = r.error.issues.map((i) => `  - ${file}: ${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`Invalid ${file} (${problems.length} problem(s)):\n${problems.join("\n")}`);
  }
  return r.data;
}

export function loadSkips(root: string, file = SKIPS_FILE): Skip[] {
  const skips = load(skipsFileSchema, root, file).skips;
  const seen = new Set<string>();
  for (const s of skips) {
    if (!s.resources && seen.has(s.check)) throw new Error(`${file}: ${s.check} is skipped twice; one entry per check id`);
    seen.add(s.check);
  }
  return skips;
}

export function loadKnown(root: string, file = KNOWN_FILE): Known[] {
  return load(knownFileSchema, root, file).known;
}

/** Glob match with `*` only; everything else literal. */
export function globMatch(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split("*")
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return re.test(value);
}

export function matchesResource(patterns: readonly string[] | undefined, stack: string, address: string): boolean {
  if (!patterns) return true;
  return patterns.some((p) => {
    const [s, a] = p.split("/") as [string, string];
    return globMatch(s, stack) && globMatch(a, address);
  });
}
