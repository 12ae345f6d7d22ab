import { z } from "zod";

/**
 * Names and descriptions AWS APIs accept, as their API references state them. Terraform's
 * `validate` checks few of them, so a bad character only fails at apply (WAFv2 answers
 * `WAFInvalidParameterException` for a "(" in a web ACL description). One table, used by the
 * constructs that set these fields and by config schemas whose text reaches them.
 */
export interface AwsTextRule {
  /** What the field is, for messages. */
  readonly what: string;
  readonly pattern: RegExp;
  /** One allowed character (to name the ones that are not). */
  readonly char: RegExp;
  readonly minLength: number;
  readonly maxLength: number;
  /** The allowed characters in words, for messages. */
  readonly allowed: string;
}

export const AWS_TEXT = {
  /** WAFv2 CreateWebACL/CreateRuleGroup/CreateIPSet `Description`. */
  wafDescription: {
    what: "WAFv2 description",
    pattern: /^[\w+=:#@/\-,.][\w+=:#@/\-,.\s]+[\w+=:#@/\-,.]$/,
    char: /^[\w+=:#@/\-,.\s]$/,
    minLength: 1,
    maxLength: 256,
    allowed: 'letters, digits, "_", whitespace and + = : # @ / - , . (no parentheses, quotes or other punctuation; no leading or trailing space)',
  },
  /** WAFv2 web ACL, rule and rule group `Name`. */
  wafName: { what: "WAFv2 name", pattern: /^[\w-]+$/, char: /^[\w-]$/, minLength: 1, maxLength: 128, allowed: 'letters, digits, "_" and "-"' },
  /** WAFv2 `VisibilityConfig.MetricName`. */
  wafMetricName: {
    what: "WAFv2 metric name",
    pattern: /^[\w#:.\-/]+$/,
    char: /^[\w#:.\-/]$/,
    minLength: 1,
    maxLength: 255,
    allowed: "letters, digits and _ # : . - /",
  },
  /** EC2 CreateSecurityGroup `GroupDescription` and rule descriptions (ASCII subset). */
  securityGroupDescription: {
    what: "security group description",
    pattern: /^[a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]*$/,
    char: /^[a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]$/,
    minLength: 0,
    maxLength: 255,
    allowed: "ASCII letters, digits, spaces and . _ - : / ( ) # , @ [ ] + = & ; { } ! $ *",
  },
  /** IAM role, policy and instance profile names. */
  iamName: { what: "IAM name", pattern: /^[\w+=,.@-]+$/, char: /^[\w+=,.@-]$/, minLength: 1, maxLength: 64, allowed: "letters, digits and + = , . @ _ -" },
  /** IAM role `Description`. */
  iamDescription: {
    what: "IAM description",
    pattern: /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/,
    char: /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]$/,
    minLength: 0,
    maxLength: 1000,
    allowed: "printable Latin-1 characters",
  },
} as const satisfies Record<string, AwsTextRule>;

export type AwsTextKind = keyof typeof AWS_TEXT;

/** Why `value` is not accepted as `kind`, or undefined when AWS accepts it. */
export function checkAwsText(kind: AwsTextKind, value: string): string | undefined {
  const rule: AwsTextRule = AWS_TEXT[kind];
  if (value.length < rule.minLength || value.length > rule.maxLength) {
    return `${rule.what} "${value}" is ${value.length} characters; AWS accepts ${rule.minLength}..${rule.maxLength}`;
  }
  if (!rule.pattern.test(value)) {
    const bad = [...new Set([...value].filter((c) => !rule.char.test(c)))];
    const which = bad.length > 0 ? ` (not allowed: ${bad.map((c) => JSON.stringify(c)).join(" ")})` : "";
    return `${rule.what} "${value}" does not match ${rule.pattern.source}${which}; allowed: ${rule.allowed}`;
  }
  return undefined;
}

/** A zod string schema for config text that reaches an AWS field of `kind`. */
export function awsText(kind: AwsTextKind): z.ZodString {
  return z.string().superRefine((value, ctx) => {
    const problem = checkAwsText(kind, value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}
