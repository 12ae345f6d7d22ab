import type { SynthResource, StackIndex } from "./types";

/**
 * A decision, written in an environment's config, to accept one rule's failure on some
 * resources. The reason is mandatory: it is what a reviewer reads in the PR.
 */
export interface Waiver {
  /** Our rule id, e.g. `INF-VPC-001`. */
  rule: string;
  /**
   * Glob over Terraform addresses; `*` matches any characters. Without a `/` it matches the
   * resource address in any stack (`aws_flow_log.*`); with one, `<stack>/<address>`
   * (`dev-us-east-1-network-vpc/aws_vpc.*`).
   */
  address: string;
  /** Why this is acceptable. Required, non-empty. */
  reason: string;
  /** Last day (YYYY-MM-DD) the waiver applies; from the next day on it no longer waives. */
  expires?: string;
  /** Which config file declared it (e.g. `environments/dev/env.ts`), for messages. */
  level?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const PROTECTED_TAG = { key: "InfraRole", value: "terraform-state" } as const;

export function isIsoDate(value: string): boolean {
  return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Problems that make a waiver unusable (it then waives nothing). */
export function waiverProblems(waiver: Waiver): string[] {
  const problems: string[] = [];
  if (!waiver.rule?.trim()) problems.push("rule is empty");
  if (!waiver.address?.trim()) problems.push("address is empty");
  if (!waiver.reason?.trim()) problems.push("reason is empty: every waiver needs a written reason");
  if (waiver.expires !== undefined && !isIsoDate(waiver.expires)) problems.push(`expires "${waiver.expires}" is not a YYYY-MM-DD date`);
  return problems;
}

export function isExpired(waiver: Waiver, today: string): boolean {
  // ISO dates compare correctly as strings; the expiry day itself is still covered.
  return waiver.expires !== undefined && waiver.expires < today;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`);
}

/** Does the waiver's address glob cover this resource of this stack? */
export function matchesAddress(waiver: Waiver, stack: string, address: string): boolean {
  const subject = waiver.address.includes("/") ? `${stack}/${address}` : address;
  return globToRegExp(waiver.address).test(subject);
}

/** Human form used in messages: `INF-S3-001 on aws_s3_bucket.* (environments/dev/env.ts)`. */
export function describeWaiver(waiver: Waiver): string {
  return `${waiver.rule} on ${waiver.address}${waiver.level ? ` (${waiver.level})` : ""}`;
}

function hasProtectedTag(resource: SynthResource): boolean {
  for (const key of ["tags", "tags_all"]) {
    const tags = resource.values[key];
    if (tags && typeof tags === "object" && !Array.isArray(tags) && tags[PROTECTED_TAG.key] === PROTECTED_TAG.value) return true;
  }
  return false;
}

/**
 * The Terraform state bucket and lock table never get a relaxation. They are recognised by the
 * tag `InfraRole = "terraform-state"`; the bucket's satellite resources (versioning, policy,
 * public access block, ...) carry no tags, so a resource whose `bucket` points at a protected
 * bucket is protected too.
 */
export function isProtected(resource: SynthResource, index: StackIndex): boolean {
  if (hasProtectedTag(resource)) return true;
  const owner = index.resolve(resource.values["bucket"]);
  return owner !== undefined && owner !== resource && hasProtectedTag(owner);
}
