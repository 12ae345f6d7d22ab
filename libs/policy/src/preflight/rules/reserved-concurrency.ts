import { asNumber } from "../../rules/helpers";
import { oncePerEnv } from "../env-index";
import type { EnvIndex, Located, PreflightRule } from "../types";

/** AWS's default concurrent-executions quota per account and region (new accounts may start lower). */
export const DEFAULT_LAMBDA_CONCURRENCY = 1000;
/** Lambda keeps this many executions unreserved: a reservation that would leave fewer is refused. */
export const UNRESERVED_MINIMUM = 100;

interface Tally {
  readonly cumulative: number;
  readonly total: number;
  readonly functions: number;
  readonly quota: number;
}

const reserved = (l: Located) => asNumber(l.resource.values["reserved_concurrent_executions"]) ?? -1;

/** Running totals per account and region, in the order deploy applies them (stack order, then address); once per env. */
const tallies = oncePerEnv((env: EnvIndex): Map<Located["resource"], Tally> => {
  const groups = new Map<string, Located[]>();
  for (const f of env.ofType("aws_lambda_function")) {
    if (reserved(f) <= 0) continue;
    const key = `${f.stack.account}/${f.stack.regionOf(f.resource)}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const out = new Map<Located["resource"], Tally>();
  for (const [key, list] of groups) {
    const region = key.split("/")[1]!;
    const quota = env.facts.lambdaConcurrency?.[region] ?? DEFAULT_LAMBDA_CONCURRENCY;
    const total = list.reduce((n, f) => n + reserved(f), 0);
    let cumulative = 0;
    for (const f of list) {
      cumulative += reserved(f);
      out.set(f.resource, { cumulative, total, functions: list.length, quota });
    }
  }
  return out;
});

/**
 * Reserved concurrency adds up across every workload of an account and region; Lambda keeps 100
 * executions unreserved. Walking the env's functions in deploy order, the first reservation that
 * no longer fits (and every one after it) is refused. The quota is an input: the env's region
 * config (`quotas.lambdaConcurrentExecutions`, the account's Service Quotas value) or AWS's 1000.
 */
export const reservedConcurrency: PreflightRule = {
  id: "PRE-LAMBDA-001",
  title: "Reserved concurrency of all workloads of an account and region leaves 100 unreserved within the quota",
  consequence:
    'PutFunctionConcurrency fails: "InvalidParameterValueException: Specified ReservedConcurrentExecutions for function decreases account\'s UnreservedConcurrentExecution below its minimum value of [100]."',
  severity: "high",
  catalogue: [46],
  defects: [9],
  scope: "env",
  resourceTypes: ["aws_lambda_function"],
  appliesTo: (f) => reserved(f) > 0,
  check(f, env) {
    const t = tallies(env).get(f.resource);
    if (!t || t.cumulative <= t.quota - UNRESERVED_MINIMUM) return [];
    const region = f.stack.regionOf(f.resource);
    return [
      {
        attribute: "reserved_concurrent_executions",
        found: `${reserved(f)}, bringing ${f.stack.account}/${region} to ${t.cumulative} reserved in deploy order (${t.total} across ${t.functions} functions of the env)`,
        expected: `at most ${t.quota - UNRESERVED_MINIMUM} reserved per account and region (quota ${t.quota} minus ${UNRESERVED_MINIMUM} unreserved): lower the reservations, or raise the quota and record it in the region config (quotas.lambdaConcurrentExecutions)`,
      },
    ];
  },
};
