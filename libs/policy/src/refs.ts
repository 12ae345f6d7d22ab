/**
 * Terraform references inside synthesized JSON. cdktf renders every token as an interpolation,
 * e.g. "${aws_s3_bucket.logs_ABC123.id}" or "${aws_s3_bucket.b.arn}/*" or
 * "${element(aws_subnet.a.*.id, 0)}". This module is the one place that understands them.
 */

export interface Reference {
  /** `aws_s3_bucket.logs_ABC123` or `data.aws_iam_policy_document.p`. */
  address: string;
  /** The attribute read, e.g. `id`, `arn` (empty when the expression uses a splat). */
  attribute: string;
}

// Words before a dot that are not resource types (Terraform's other namespaces).
const NOT_RESOURCES = new Set(["var", "local", "module", "each", "count", "path", "self", "terraform"]);
const INTERPOLATION = /\$\{([^}]*)\}/g;
// data.<type>.<name>.<attr> or <type>.<name>.<attr>; types always contain "_" (provider prefix).
const REFERENCE = /(?<![\w.])(data\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][\w-]*)(?:\.(\*|[A-Za-z_][\w-]*))?/g;

/** Every resource reference in a string (empty for literals). */
export function referencesIn(value: string): Reference[] {
  const found: Reference[] = [];
  for (const [, expression] of value.matchAll(INTERPOLATION)) {
    for (const match of expression!.matchAll(REFERENCE)) {
      const [, data, type, name, attribute] = match;
      if (NOT_RESOURCES.has(type!)) continue;
      found.push({ address: `${data ? "data." : ""}${type}.${name}`, attribute: attribute === "*" ? "" : (attribute ?? "") });
    }
  }
  return found;
}

/** True when the string contains any interpolation: its value is only known at apply time. */
export function isToken(value: unknown): boolean {
  return typeof value === "string" && value.includes("${");
}

/** The first reference in a value, if the value is a string holding one. */
export function firstReference(value: unknown): Reference | undefined {
  return typeof value === "string" ? referencesIn(value)[0] : undefined;
}
