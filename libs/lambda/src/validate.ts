/**
 * Pure validators for Lambda settings. Each returns the error text for a bad value, or undefined.
 * They run before any resource is made, so a bad config value fails with a sentence, not a plan.
 */

/**
 * Lambda managed runtimes that are not deprecated, with AWS's announced deprecation date
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html, planning dates that AWS may move).
 * Runtimes already past deprecation (nodejs18.x, python3.9, ...) are left out on purpose.
 */
export const LAMBDA_RUNTIMES = {
  "nodejs20.x": { deprecation: "2026-04-30" },
  "nodejs22.x": { deprecation: "2027-04-30" },
  "nodejs24.x": { deprecation: "2028-04-30" },
  "python3.10": { deprecation: "2026-06-30" },
  "python3.11": { deprecation: "2026-06-30" },
  "python3.12": { deprecation: "2028-10-31" },
  "python3.13": { deprecation: "2029-06-30" },
  "python3.14": { deprecation: "2029-06-30" },
  java17: { deprecation: "2026-06-30" },
  java21: { deprecation: "2029-06-30" },
  java25: { deprecation: "2029-06-30" },
  dotnet8: { deprecation: "2026-11-10" },
  "ruby3.3": { deprecation: "2027-03-31" },
  "ruby3.4": { deprecation: "2028-03-31" },
  "provided.al2": { deprecation: "2026-06-30" },
  "provided.al2023": { deprecation: "2029-06-30" },
} as const satisfies Record<string, { deprecation: string }>;

export type LambdaRuntime = keyof typeof LAMBDA_RUNTIMES;

/**
 * A runtime must be in {@link LAMBDA_RUNTIMES}. With `onDate` (YYYY-MM-DD) it must also not be
 * deprecated on that date; constructs call it without a date so synth stays deterministic, and the
 * policy pack (which injects its evaluation date) applies the date check.
 */
export function validateRuntime(runtime: string, onDate?: string): string | undefined {
  const entry = (LAMBDA_RUNTIMES as Record<string, { deprecation: string }>)[runtime];
  if (!entry) {
    return `runtime "${runtime}" is not a supported, non-deprecated Lambda runtime; allowed: ${Object.keys(LAMBDA_RUNTIMES).join(", ")}`;
  }
  if (onDate !== undefined && entry.deprecation <= onDate) {
    return `runtime "${runtime}" is deprecated since ${entry.deprecation} (checked on ${onDate}); move to a newer runtime`;
  }
  return undefined;
}

/** Memory in MB: 128 to 10240 (Lambda's limits), a whole number. */
export function validateMemorySize(memoryMb: number): string | undefined {
  if (!Number.isInteger(memoryMb) || memoryMb < 128 || memoryMb > 10240) {
    return `memorySize ${memoryMb} must be a whole number of MB from 128 to 10240`;
  }
  return undefined;
}

/** Timeout in seconds: 1 to 900 (15 minutes), a whole number. */
export function validateTimeout(timeoutSeconds: number): string | undefined {
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > 900) {
    return `timeout ${timeoutSeconds} must be a whole number of seconds from 1 to 900`;
  }
  return undefined;
}

/** Reserved concurrency: a whole number >= 0 (0 stops the function from running at all). */
export function validateReservedConcurrency(value: number): string | undefined {
  if (!Number.isInteger(value) || value < 0) return `reservedConcurrency ${value} must be a whole number >= 0`;
  return undefined;
}

/** Lambda function names: 1-64 letters, digits, hyphens, underscores. */
export function validateFunctionName(name: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) {
    return `function name "${name}" must be 1-64 characters of letters, digits, "-" or "_"`;
  }
  return undefined;
}

/** @deprecated One copy lives in `@infra/config` (ADR 0115); import it from there. Kept while parallel branches merge. */
export { throwIfInvalid } from "@infra/config";
