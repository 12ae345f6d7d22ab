import type { RegionConfig } from "./define";
import { type ConfigIssue, issue } from "./errors";

/**
 * Lambda reserved concurrency is an account-and-region budget: PutFunctionConcurrency refuses a
 * reservation that leaves fewer than 100 unreserved ("decreases account's
 * UnreservedConcurrentExecution below its minimum value of [100]"), whichever workload's stack
 * asked first. Every env is one account, so the budget is checked per region of the env, across
 * workloads, before any construct exists (docs/adr/0013-lambda-concurrency-budget.md).
 */
export const LAMBDA_UNRESERVED_MINIMUM = 100;
/** Service Quotas "Concurrent executions" (lambda L-B99A9384) of an account AWS has not raised. */
export const DEFAULT_LAMBDA_CONCURRENCY_QUOTA = 1000;
export const LAMBDA_CONCURRENCY_QUOTA_CODE = "L-B99A9384";

/** What one deployment reserves. */
export interface ConcurrencyDemand {
  readonly region: string;
  readonly workload: string;
  /** Deployment id, e.g. "us-east-1/milequest-api/rest". */
  readonly deployment: string;
  /** The file that declares the deployment. */
  readonly level: string;
  readonly reserved: number;
}

/** One region's budget as resolved: the quota, what each workload reserves, and its allocation. */
export interface RegionConcurrency {
  readonly region: string;
  readonly quota: number;
  /** True when region.ts states the quota (a raise asked of AWS); false for AWS's default. */
  readonly quotaConfigured: boolean;
  readonly reservedByWorkload: Readonly<Record<string, number>>;
  readonly allocations: Readonly<Record<string, number>>;
  /** What the deployments reserve in total. */
  readonly totalReserved: number;
  /** The sum over workloads of the allocation, or of what the workload reserves when it has none. */
  readonly budgeted: number;
}

/** Check every region's reservations against its allocations and quota; issues name the files and values. */
export function concurrencyBudget(
  regions: readonly RegionConfig[],
  demands: readonly ConcurrencyDemand[],
  enabledWorkloads: readonly string[],
): { readonly regions: RegionConcurrency[]; readonly issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const out: RegionConcurrency[] = [];
  for (const r of regions) {
    const level = r.source;
    const quota = r.quotas?.lambdaConcurrentExecutions ?? DEFAULT_LAMBDA_CONCURRENCY_QUOTA;
    const allocations = r.reservedConcurrency ?? {};
    for (const [workload, n] of Object.entries(allocations)) {
      if (!enabledWorkloads.includes(workload)) {
        issues.push(issue(level, `reservedConcurrency.${workload}`, n, `not a workload of this env; enabled: ${enabledWorkloads.join(" | ")}`));
      } else if (!Number.isInteger(n) || n < 0) {
        issues.push(issue(level, `reservedConcurrency.${workload}`, n, "must be a whole number >= 0 (concurrent executions)"));
      }
    }
    const mine = demands.filter((d) => d.region === r.region && d.reserved > 0);
    const byWorkload: Record<string, ConcurrencyDemand[]> = {};
    for (const d of mine) (byWorkload[d.workload] ??= []).push(d);
    const reservedByWorkload = Object.fromEntries(Object.entries(byWorkload).map(([w, ds]) => [w, sum(ds.map((d) => d.reserved))]));
    for (const [workload, reserved] of Object.entries(reservedByWorkload)) {
      const allocation = allocations[workload];
      if (allocation !== undefined && reserved > allocation) {
        issues.push(
          issue(
            level,
            `reservedConcurrency.${workload}`,
            allocation,
            `${workload} reserves ${reserved} in ${r.region} (${describeDemands(byWorkload[workload]!)}): lower those reservations, or raise the allocation within the quota`,
          ),
        );
      }
    }
    const workloads = [...new Set([...Object.keys(reservedByWorkload), ...Object.keys(allocations)])].sort();
    const budgeted = sum(workloads.map((w) => allocations[w] ?? reservedByWorkload[w] ?? 0));
    const room = quota - LAMBDA_UNRESERVED_MINIMUM;
    if (budgeted > room) {
      const parts = workloads.map((w) =>
        allocations[w] !== undefined
          ? `${w} ${allocations[w]} (allocation in ${level})`
          : `${w} ${reservedByWorkload[w]} (${describeDemands(byWorkload[w] ?? [])})`,
      );
      issues.push(
        issue(
          level,
          "quotas.lambdaConcurrentExecutions",
          quota,
          `${r.region} reserves ${budgeted} across workloads: ${parts.join(", ")}; Lambda keeps ${LAMBDA_UNRESERVED_MINIMUM} unreserved, so at most ${room} may be reserved with a quota of ${quota}${r.quotas?.lambdaConcurrentExecutions === undefined ? " (the AWS default)" : ""}: lower the reservations or allocations, or raise the quota (Service Quotas lambda ${LAMBDA_CONCURRENCY_QUOTA_CODE}) and set quotas.lambdaConcurrentExecutions here`,
        ),
      );
    }
    out.push({
      region: r.region,
      quota,
      quotaConfigured: r.quotas?.lambdaConcurrentExecutions !== undefined,
      reservedByWorkload,
      allocations: { ...allocations },
      totalReserved: sum(Object.values(reservedByWorkload)),
      budgeted,
    });
  }
  return { regions: out, issues };
}

/** `us-east-1/milequest-api/rest 440 [environments/prod/us-east-1/milequest.ts]; ...` */
function describeDemands(ds: readonly ConcurrencyDemand[]): string {
  return ds.map((d) => `${d.deployment} ${d.reserved} [${d.level}]`).join("; ");
}

function sum(ns: readonly number[]): number {
  return ns.reduce((a, b) => a + b, 0);
}

/** Sum of the `reservedConcurrency` of a map of function settings (an unset one reserves nothing). */
export function sumReservedConcurrency(functions: Readonly<Record<string, { readonly reservedConcurrency?: number | undefined }>>): number {
  return sum(Object.values(functions).map((f) => f.reservedConcurrency ?? 0));
}
