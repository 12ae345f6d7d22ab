import type { z } from "zod";
import { describe, type Provenance, sourceOf } from "./merge";

/** One problem in the configuration, in the words a user needs to fix it. */
export interface ConfigIssue {
  /** The config level / file that set the value (or that should have set it). */
  readonly level: string;
  /** Dotted field path, e.g. `workloads.platform.rds.instanceClass`. */
  readonly path: string;
  /** The offending value as written (JSON), or `undefined` when missing. */
  readonly value: string;
  /** What is allowed. */
  readonly allowed: string;
}

/**
 * A user mistake in configuration. Raised before any construct runs; the CLI prints
 * `format()` and exits non-zero without a stack trace.
 */
export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(formatIssues(issues));
    this.name = "ConfigError";
    this.issues = issues;
  }
}

/**
 * A constraint that only a construct can check (it needs values no schema sees together, or AWS
 * facts the library owns), found while building a deployment's stack: mapped back to the file that
 * declares the deployment, so the user gets the config error format instead of a stack trace.
 * Library schemas should catch these at resolve time; this is the net for what they miss.
 */
export class DeploymentBuildError extends ConfigError {
  constructor(
    readonly level: string,
    readonly deploymentId: string,
    readonly builder: string,
    readonly problem: string,
  ) {
    super([{ level, path: `${deploymentId}.inputs`, value: "(as merged)", allowed: problem }]);
    this.name = "DeploymentBuildError";
    this.message = `Invalid configuration (1 problem):\n  - [${level}] ${deploymentId} (built by ${builder}): ${problem.replace(/\n/g, "\n    ")}`;
  }
}

export function formatIssues(issues: readonly ConfigIssue[]): string {
  const head = `Invalid configuration (${issues.length} problem${issues.length === 1 ? "" : "s"}):`;
  const lines = issues.map((i) => `  - [${i.level}] ${i.path || "(root)"} = ${i.value}: ${i.allowed}`);
  return [head, ...lines].join("\n");
}

export function issue(level: string, path: string, value: unknown, allowed: string): ConfigIssue {
  return { level, path, value: describe(value), allowed };
}

export function getAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let cursor: unknown = value;
  for (const key of path) {
    if (cursor === null || typeof cursor !== "object") return undefined;
    cursor = (cursor as Record<PropertyKey, unknown>)[key];
  }
  return cursor;
}

/**
 * Validate a merged object against a schema; on failure, throw a ConfigError whose issues name
 * the layer that set each bad value (from provenance), with `prefix` prepended to paths.
 */
export function validateMerged<S extends z.ZodType>(
  schema: S,
  merged: unknown,
  provenance: Provenance,
  options: { prefix?: string; fallbackLevel: string },
): z.output<S> {
  const result = schema.safeParse(merged);
  if (result.success) return result.data;
  throw new ConfigError(zodIssues(result.error, merged, provenance, options));
}

export function zodIssues(error: z.ZodError, merged: unknown, provenance: Provenance, options: { prefix?: string; fallbackLevel: string }): ConfigIssue[] {
  return error.issues.map((zi) => {
    const path = (zi.code === "unrecognized_keys" ? [...zi.path, zi.keys[0]!] : zi.path) as PropertyKey[];
    const full = [options.prefix, path.map(String).join(".")].filter(Boolean).join(".");
    const level = sourceOf(provenance, path) ?? options.fallbackLevel;
    return issue(level, full, getAt(merged, path), allowedText(zi));
  });
}

function allowedText(zi: z.core.$ZodIssue): string {
  switch (zi.code) {
    case "invalid_value":
      return `must be one of ${zi.values.map((v) => JSON.stringify(v)).join(" | ")}`;
    case "invalid_type":
      return zi.message.startsWith("Invalid input") ? `must be a ${zi.expected}` : zi.message;
    case "invalid_union": {
      // A union of literals (z.union([z.literal(7), z.literal(14)])): list the literals.
      const branches = zi.errors;
      if (branches.length && branches.every((b) => b.length === 1 && b[0]!.code === "invalid_value")) {
        const values = branches.flatMap((b) => (b[0] as z.core.$ZodIssueInvalidValue).values);
        return `must be one of ${values.map((v) => JSON.stringify(v)).join(" | ")}`;
      }
      return otherText(zi);
    }
    case "unrecognized_keys":
      return `unknown field(s) ${zi.keys.map((k) => JSON.stringify(k)).join(", ")}: remove or fix the spelling`;
    case "too_small":
      // A schema's own message (e.g. `.length(2, { message })`) says more than the bound.
      if (!/^Too small/.test(zi.message)) return zi.message;
      return `must be ${zi.inclusive === false ? ">" : ">="} ${String(zi.minimum)}${zi.origin === "array" ? " items" : zi.origin === "string" ? " characters" : ""}`;
    case "too_big":
      if (!/^Too big/.test(zi.message)) return zi.message;
      return `must be ${zi.inclusive === false ? "<" : "<="} ${String(zi.maximum)}${zi.origin === "array" ? " items" : zi.origin === "string" ? " characters" : ""}`;
    default:
      return otherText(zi);
  }
}

function otherText(zi: z.core.$ZodIssue): string {
  const discriminator = /^Invalid discriminator value\. Expected (.*)$/.exec(zi.message);
  if (discriminator) return `must be one of ${discriminator[1]!.replace(/'/g, '"')}`;
  return zi.message;
}

/**
 * The one way a construct refuses bad props: one Error listing every problem, prefixed by the
 * construct it concerns (`Queue "orders": ...; ...`). Validators return a sentence or undefined
 * per check; the app's DeploymentBuildError maps the message back to the deployment's file.
 */
export function throwIfInvalid(subject: string, errors: readonly (string | undefined)[]): void {
  const found = errors.filter((e): e is string => e !== undefined);
  if (found.length > 0) throw new Error(`${subject}: ${found.join("; ")}`);
}
