/**
 * The fresh-account model: what must exist before `deploy` that no stack of the env creates. A
 * construct, a builder or the config declares each one (libs/core `requirePrerequisite`, env.ts
 * `prerequisites`, the resolved quotas and state backend); `infra preflight --env X` lists them per
 * account and region with the command that provides each, and `--check` asks AWS whether it exists.
 * Pure data: no cdktf, so the config layer and the CLI share it (docs/fresh-account.md).
 */

/** Where the NS records of a delegated zone go. */
export type DelegationParent =
  /** An apex domain: the name servers are set at the domain's registrar. */
  | { readonly kind: "registrar" }
  /**
   * A parent zone outside this env: another env's account (`env`), or a zone no stack of this repo
   * manages (`env` omitted). The NS records are created there.
   */
  | { readonly kind: "zone"; readonly zone: string; readonly env?: string };

/** One thing a person (or AWS support) provides before the first deploy. A discriminated union on `kind`. */
export type Requirement =
  /** A Secrets Manager secret with a current value (the container may be created by a stack: `after`). */
  | {
      readonly kind: "secret-value";
      /** Secret name (or ARN), e.g. "aerologue/oauth/google". */
      readonly secret: string;
      /** What the value holds, e.g. `JSON {"client_id","client_secret"}`. */
      readonly format: string;
    }
  /** The NS records that delegate a public hosted zone to its Route 53 name servers. */
  | {
      readonly kind: "zone-delegation";
      readonly zone: string;
      readonly parent: DelegationParent;
      /** The zone is DNSSEC-signed: the parent also needs its DS record. @default false */
      readonly signed?: boolean;
    }
  /** A Service Quotas value at least `minimum` (a raise is a support request that takes hours to days). */
  | { readonly kind: "service-quota"; readonly serviceCode: string; readonly quotaCode: string; readonly quotaName: string; readonly minimum: number }
  /** An object a resource reads at create time (a Lambda deployment package named in config). */
  | { readonly kind: "s3-object"; readonly bucket: string; readonly key: string }
  /** An image a service pulls (an ECS task's image named in config). */
  | { readonly kind: "ecr-image"; readonly repository: string; readonly tag: string }
  /** Timestream for LiveAnalytics accepts only accounts that already used it before 2025-06-20. */
  | { readonly kind: "timestream-liveanalytics-customer" }
  /** The state bucket and lock table every stack's backend names (apps/bootstrap). */
  | { readonly kind: "state-backend"; readonly bucket: string; readonly lockTable?: string }
  /**
   * SNS can deliver SMS to `numbers` in the account and region: in the SMS sandbox (every new
   * account) only to numbers verified there; with production access (a support case) to any, from
   * the account's origination identity (US destinations need a registered toll-free or 10DLC number).
   */
  | {
      readonly kind: "sms-delivery";
      readonly numbers: readonly string[];
      readonly access: "sandbox" | "production";
      /** The origination number the account must own (production access). @default any of the account's */
      readonly originationNumber?: string;
    };

export type RequirementKind = Requirement["kind"];

/**
 * When the stack that needs it fails without it: `plan` (a data source reads it), `apply` (a create
 * call refuses or waits forever), `runtime` (the stack applies; the application fails).
 */
export type NeededAt = "plan" | "apply" | "runtime";

export interface PrerequisiteNeed {
  readonly stack: string;
  readonly neededAt: NeededAt;
}

/** A requirement placed in an account and region, with who needs it and who declared it. */
export interface Prerequisite {
  readonly requirement: Requirement;
  readonly accountId: string;
  /** Region of the thing (global things: the region their API is called in, e.g. us-east-1 for Route 53). */
  readonly region: string;
  /** Stacks that fail without it, and when. Empty: nothing in this env fails (listed for completeness). */
  readonly neededBy: readonly PrerequisiteNeed[];
  /** Stacks that must be applied before it can be provided (they create the container, the zone, the repository). */
  readonly after: readonly string[];
  /** Why it exists and who provides it. */
  readonly reason: string;
  /** Construct paths or config files that declared it. */
  readonly declaredBy: readonly string[];
}

/** The identity of a requirement within an account and region: two declarations of it are one prerequisite. */
export function requirementKey(r: Requirement): string {
  switch (r.kind) {
    case "secret-value":
      return `secret-value:${r.secret}`;
    case "zone-delegation":
      return `zone-delegation:${r.zone.replace(/\.$/, "")}`;
    case "service-quota":
      return `service-quota:${r.serviceCode}/${r.quotaCode}`;
    case "s3-object":
      return `s3-object:${r.bucket}/${r.key}`;
    case "ecr-image":
      return `ecr-image:${r.repository}:${r.tag}`;
    case "timestream-liveanalytics-customer":
      return "timestream-liveanalytics-customer";
    case "state-backend":
      return `state-backend:${r.bucket}`;
    case "sms-delivery":
      return `sms-delivery:${r.access}:${[...r.numbers].sort().join(",")}`;
  }
}

export function prerequisiteKey(p: Pick<Prerequisite, "requirement" | "accountId" | "region">): string {
  // Route 53 zones and S3 bucket names are global: one prerequisite per account, whatever the region.
  const global = p.requirement.kind === "zone-delegation" || p.requirement.kind === "state-backend";
  return `${p.accountId}/${global ? "*" : p.region}/${requirementKey(p.requirement)}`;
}

/** One line naming the requirement, e.g. `secret aerologue/oauth/google has a value`. */
export function describeRequirement(r: Requirement): string {
  switch (r.kind) {
    case "secret-value":
      return `secret ${r.secret} has a value (${r.format})`;
    case "zone-delegation":
      return r.parent.kind === "registrar"
        ? `${r.zone} is delegated to its Route 53 name servers at the domain's registrar`
        : `${r.zone} is delegated by NS records in the zone ${r.parent.zone}${r.parent.env ? ` (env ${r.parent.env})` : " (outside this repo)"}`;
    case "service-quota":
      return `service quota ${r.serviceCode} ${r.quotaCode} (${r.quotaName}) is at least ${r.minimum}`;
    case "s3-object":
      return `s3://${r.bucket}/${r.key} exists`;
    case "ecr-image":
      return `image ${r.repository}:${r.tag} is in ECR`;
    case "timestream-liveanalytics-customer":
      return "the account is an existing Timestream for LiveAnalytics customer (closed to new customers since 2025-06-20)";
    case "state-backend":
      return `state bucket ${r.bucket}${r.lockTable ? ` and lock table ${r.lockTable}` : ""} exist (apps/bootstrap)`;
    case "sms-delivery":
      return r.access === "sandbox"
        ? `SNS SMS sandbox: ${r.numbers.join(", ")} verified in the account's sandbox`
        : `SNS SMS production access (out of the sandbox)${r.originationNumber ? ` with origination number ${r.originationNumber}` : ""} for ${r.numbers.join(", ")}`;
  }
}

/**
 * Merge declarations of the same requirement (same account, region and key): their needs, `after`
 * stacks and declarers are united; reasons are joined. The requirement's details (e.g. a secret's
 * format) come from the first declaration that needs it (a reader knows what it reads) over one
 * that only creates its container.
 * Sorted by account, region, kind, key: the same config always lists the same way.
 */
export function mergePrerequisites(list: readonly Prerequisite[]): Prerequisite[] {
  const byKey = new Map<string, Prerequisite>();
  for (const p of list) {
    const key = prerequisiteKey(p);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...p, neededBy: uniqueNeeds(p.neededBy), after: [...new Set(p.after)], declaredBy: [...new Set(p.declaredBy)] });
      continue;
    }
    const takeDetails = seen.neededBy.length === 0 && p.neededBy.length > 0;
    byKey.set(key, {
      ...seen,
      requirement: takeDetails ? p.requirement : seen.requirement,
      neededBy: uniqueNeeds([...seen.neededBy, ...p.neededBy]),
      after: [...new Set([...seen.after, ...p.after])],
      reason: seen.reason.includes(p.reason) ? seen.reason : `${seen.reason}; ${p.reason}`,
      declaredBy: [...new Set([...seen.declaredBy, ...p.declaredBy])],
    });
  }
  return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, p]) => p);
}

const AT_ORDER: readonly NeededAt[] = ["plan", "apply", "runtime"];

function uniqueNeeds(needs: readonly PrerequisiteNeed[]): PrerequisiteNeed[] {
  // One entry per stack, at the earliest point it fails.
  const byStack = new Map<string, NeededAt>();
  for (const n of needs) {
    const seen = byStack.get(n.stack);
    if (!seen || AT_ORDER.indexOf(n.neededAt) < AT_ORDER.indexOf(seen)) byStack.set(n.stack, n.neededAt);
  }
  return [...byStack.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([stack, neededAt]) => ({ stack, neededAt }));
}

/** Does `deploy` of these stacks fail (plan or apply) without the prerequisite? */
export function blocksDeployOf(p: Prerequisite, stacks: ReadonlySet<string>): boolean {
  return p.neededBy.some((n) => n.neededAt !== "runtime" && stacks.has(n.stack));
}
