import { z } from "zod";
import { cidrsOverlap, parseCidr } from "./cidr";
import type { CheckIssue } from "./define";
import { REGION_AZS, isRegionName } from "./regions";
import type { ResolvedDeployment, ResolvedEnv } from "./resolve";

/**
 * Generic checks shared by every workload's input schemas and module checks. Each check names what
 * AWS allows, so a bad value fails at resolve time instead of at apply.
 */

// ---------------------------------------------------------------------------------------------
// EventBridge schedules

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const CRON_FIELDS = 6;

/**
 * Why an EventBridge rule / Scheduler schedule expression is invalid, or undefined. EventBridge runs
 * a schedule at most once a minute: `rate(N seconds)` does not exist, and a cron has no seconds field.
 */
export function scheduleExpressionError(expression: string): string | undefined {
  if (expression.startsWith("rate(")) {
    if (/^rate\(\d+ seconds?\)$/.test(expression)) {
      return "EventBridge runs a schedule at most once a minute: use rate(1 minute) or slower";
    }
    const m = RATE.exec(expression);
    if (!m) return 'must be "rate(<n> minute[s]|hour[s]|day[s])", e.g. rate(5 minutes)';
    const n = Number(m[1]);
    const unit = m[2]!;
    if (n < 1) return "a rate must be at least 1 (EventBridge runs a schedule at most once a minute)";
    if (n === 1 && unit.endsWith("s")) return `use the singular unit for 1: rate(1 ${unit.slice(0, -1)})`;
    if (n > 1 && !unit.endsWith("s")) return `use the plural unit for ${n}: rate(${n} ${unit}s)`;
    return undefined;
  }
  if (expression.startsWith("cron(") && expression.endsWith(")")) {
    const fields = expression.slice(5, -1).trim().split(/\s+/);
    if (fields.length !== CRON_FIELDS) {
      return `a cron expression has ${CRON_FIELDS} fields (minutes hours day-of-month month day-of-week year; no seconds: EventBridge runs a schedule at most once a minute), got ${fields.length}`;
    }
    const [, , dom, , dow] = fields;
    if ((dom === "?") === (dow === "?")) return "exactly one of day-of-month and day-of-week must be ?";
    return undefined;
  }
  return 'must be "rate(...)" or "cron(...)" (EventBridge schedule expression)';
}

/** An EventBridge schedule expression: `rate(...)` or a six-field `cron(...)`, at most once a minute. */
export const scheduleExpression = z.string().superRefine((v, ctx) => {
  const error = scheduleExpressionError(v);
  if (error) ctx.addIssue({ code: "custom", message: error });
});

// ---------------------------------------------------------------------------------------------
// CloudWatch alarms

/** The longest window an alarm may evaluate (period x evaluation periods): 7 days. */
export const MAX_ALARM_WINDOW_SECONDS = 7 * 24 * 3600;

/** Why a CloudWatch alarm period is invalid, or undefined: 10 or 30 s (high resolution) or a multiple of 60. */
export function alarmPeriodError(period: number): string | undefined {
  if (!Number.isInteger(period) || period <= 0) return "must be a positive whole number of seconds";
  if (period === 10 || period === 30 || period % 60 === 0) return undefined;
  return "CloudWatch accepts a period of 10, 30 (high-resolution metrics) or a multiple of 60 seconds";
}

/**
 * An alarm's threshold together with the window it is evaluated over. A threshold alone is not an
 * alarm: CloudWatch needs the period and the number of periods, so config must say them.
 */
export function alarmThreshold<T extends z.ZodType<number>>(threshold: T) {
  return z
    .object({
      threshold,
      /** Seconds per datapoint: 10, 30 or a multiple of 60. */
      periodSeconds: z.number(),
      /** Datapoints evaluated. */
      evaluationPeriods: z.number().int().min(1),
      /** Breaching datapoints (of evaluationPeriods) that trigger the alarm. @default evaluationPeriods */
      datapointsToAlarm: z.number().int().min(1).optional(),
    })
    .strict()
    .superRefine((v, ctx) => {
      const periodError = alarmPeriodError(v.periodSeconds);
      if (periodError) ctx.addIssue({ code: "custom", path: ["periodSeconds"], message: periodError });
      else if (v.periodSeconds * v.evaluationPeriods > MAX_ALARM_WINDOW_SECONDS) {
        ctx.addIssue({
          code: "custom",
          path: ["evaluationPeriods"],
          message: `periodSeconds x evaluationPeriods = ${v.periodSeconds * v.evaluationPeriods} s exceeds CloudWatch's 7-day window (${MAX_ALARM_WINDOW_SECONDS} s)`,
        });
      }
      if (v.datapointsToAlarm !== undefined && v.datapointsToAlarm > v.evaluationPeriods) {
        ctx.addIssue({ code: "custom", path: ["datapointsToAlarm"], message: `must be <= evaluationPeriods (${v.evaluationPeriods})` });
      }
    });
}

// ---------------------------------------------------------------------------------------------
// Cross-deployment checks (for ModuleDefinition.check)

/** The deployment that `self`'s dependency `name` resolved to. */
export function dependencyOf(self: ResolvedDeployment, env: ResolvedEnv, name: string): ResolvedDeployment | undefined {
  const id = self.dependencies[name];
  return id === undefined ? undefined : env.deployments.find((d) => d.id === id);
}

/**
 * Two peered VPCs must not overlap (AWS refuses the peering, and routes could not tell the sides
 * apart). `vpcDep`/`peerDep` name the dependencies whose inputs carry `cidr`.
 */
export function peeredCidrIssues(self: ResolvedDeployment, env: ResolvedEnv, vpcDep = "vpc", peerDep = "peer"): CheckIssue[] {
  const vpc = dependencyOf(self, env, vpcDep);
  const peer = dependencyOf(self, env, peerDep);
  if (!vpc || !peer) return [];
  const a = (vpc.inputs as { cidr?: unknown }).cidr;
  const b = (peer.inputs as { cidr?: unknown }).cidr;
  if (typeof a !== "string" || typeof b !== "string" || typeof parseCidr(a) === "string" || typeof parseCidr(b) === "string") return [];
  if (vpc.id === peer.id) {
    return [{ path: `dependencies.${peerDep}`, value: peer.id, allowed: `a VPC cannot peer with itself: "${peerDep}" must be another region's VPC` }];
  }
  if (!cidrsOverlap(a, b)) return [];
  return [
    {
      path: `dependencies.${peerDep}`,
      value: [a, b],
      allowed: `peered VPC CIDRs must not overlap: ${vpc.id} has ${a} and ${peer.id} has ${b} (set in each region.ts cidrs); give one of them a disjoint block`,
    },
  ];
}

/** A deployment's `azs` input must name availability zones of its own region (and of the region's azs list). */
export function azIssues(self: ResolvedDeployment, path = "inputs.azs"): CheckIssue[] {
  const azs = (self.inputs as { azs?: unknown }).azs;
  if (!Array.isArray(azs)) return [];
  const region = self.region.name;
  const known: readonly string[] = isRegionName(region) ? REGION_AZS[region] : [];
  const out: CheckIssue[] = [];
  if (azs.length > known.length) {
    out.push({ path, value: azs, allowed: `${region} has ${known.length} availability zones; got ${azs.length}` });
  }
  azs.forEach((az: unknown, i) => {
    if (typeof az !== "string" || !known.includes(az)) {
      out.push({ path: `${path}[${i}]`, value: az, allowed: `must be an availability zone of ${region}: ${known.join(" | ")}` });
    } else if (!self.region.azs.includes(az)) {
      out.push({ path: `${path}[${i}]`, value: az, allowed: `must be one of the region's azs (region.ts): ${self.region.azs.join(" | ")}` });
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Subnets

/** Bits a workload VPC's prefix gains per subnet when its inputs do not say (a /16 gives /24 subnets). */
export const DEFAULT_SUBNET_NEW_BITS = 8;

/** Why splitting `vpcCidr` by `newBits` gives subnets smaller than AWS allows (/28), or undefined. */
export function subnetSizeError(vpcCidr: string, newBits: number): string | undefined {
  const parsed = parseCidr(vpcCidr);
  if (typeof parsed === "string" || parsed.prefix + newBits <= 28) return undefined;
  return `a /${parsed.prefix} VPC split by ${newBits} bits gives /${parsed.prefix + newBits} subnets; subnets may be no smaller than /28: use a larger VPC or subnetNewBits <= ${Math.max(28 - parsed.prefix, 0)}`;
}

/** Offsets used more than once across tiers: [tier, index] of every repeat (two subnets would overlap). */
export function duplicateOffsets(tiers: Readonly<Record<string, readonly number[]>>): { tier: string; index: number; offset: number }[] {
  const seen = new Set<number>();
  const out: { tier: string; index: number; offset: number }[] = [];
  for (const [tier, list] of Object.entries(tiers)) {
    list.forEach((offset, index) => {
      if (seen.has(offset)) out.push({ tier, index, offset });
      seen.add(offset);
    });
  }
  return out;
}

/**
 * Why `cidrsubnet(vpcCidr, newBits, offset)` is not a subnet of the VPC, or undefined: the offset must
 * fit in `newBits` (and subnets may be no smaller than /28, see subnetSizeError).
 */
export function subnetOffsetError(vpcCidr: string, newBits: number, offset: number): string | undefined {
  const parsed = parseCidr(vpcCidr);
  if (typeof parsed === "string") return undefined; // the CIDR itself is reported by its own check
  const max = 2 ** newBits - 1;
  if (!Number.isInteger(offset) || offset < 0 || offset > max || parsed.prefix + newBits > 28) {
    return `offset past the VPC: ${vpcCidr} split by ${newBits} bits has subnets 0..${max} (and subnets may be no smaller than /28)`;
  }
  return undefined;
}
