import type { Finding, Severity } from "./types";
import type { Waiver } from "./waivers";

export type CheckStatus = "passed" | "waived" | "failed";

/** One rule evaluated on one resource. */
export interface CheckResult {
  rule: string;
  mirrors: string[];
  title: string;
  severity: Severity;
  /** What AWS or Terraform does when this rule is violated (preflight rules). */
  consequence?: string;
  stack: string;
  /** Terraform address inside the stack, e.g. `aws_s3_bucket.logs_ABC123`. */
  address: string;
  constructPath?: string;
  status: CheckStatus;
  /** What failed (kept for waived checks too, so a report shows what was accepted). */
  findings: Finding[];
  /** The waiver that waived this check. */
  waiver?: Waiver;
  /** Why a matching waiver did not apply (expired, protected resource). */
  notes: string[];
}

export interface RejectedWaiver {
  waiver: Waiver;
  address: string;
  reason: string;
}

export interface InvalidWaiver {
  waiver: Waiver;
  problems: string[];
}

/** The policy outcome for one stack. */
export interface PolicyReport {
  stack: string;
  today: string;
  /** Managed resources in the stack (data sources excluded). */
  resources: number;
  results: CheckResult[];
  /** Valid, unexpired waivers that waived nothing in this stack. */
  unusedWaivers: Waiver[];
  /** Waivers past their `expires` date: they waive nothing. */
  expiredWaivers: Waiver[];
  /** Waivers that matched a protected resource (state bucket, lock table) and were refused. */
  rejectedWaivers: RejectedWaiver[];
  /** Waivers missing a reason or with a malformed expiry: they waive nothing. */
  invalidWaivers: InvalidWaiver[];
}
