import { z } from "zod";
import { parseCidr } from "./cidr";
import { REGION_NAMES } from "./regions";
import { maintenanceWindows } from "./windows";

/** The values CloudWatch Logs accepts for retention_in_days (0 = never expire is deliberately not allowed). */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export const logRetentionDays = z.number().refine((v) => (LOG_RETENTION_DAYS as readonly number[]).includes(v), {
  message: `must be a CloudWatch Logs retention value: one of ${LOG_RETENTION_DAYS.join(", ")}`,
});

export const accountId = z.string().regex(/^\d{12}$/, { message: "must be a 12-digit AWS account id (a string)" });
export const envName = z.enum(["dev", "staging", "uat", "prod"]);
export type EnvName = z.infer<typeof envName>;
export const regionName = z.enum(REGION_NAMES as [string, ...string[]]);
export const kebab = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, { message: "must be lower-case kebab-case" });
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date YYYY-MM-DD" });

const cidrSchema = (wholeInternet: "allowed" | "refused") =>
  z.string().superRefine((v, ctx) => {
    const parsed = parseCidr(v);
    if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
    else if (wholeInternet === "refused" && parsed.prefix === 0)
      ctx.addIssue({ code: "custom", message: "must not be the whole internet: an admin allow list names the admin network's CIDR" });
  });

/** An IPv4 CIDR block; the issue says what is wrong with it (prefix, octets, host bits). */
export const ipv4Cidr = cidrSchema("allowed");

/** An entry of an admin allow list (SSH, admin endpoints): a CIDR, and never the whole internet, which would allow everyone. */
export const adminCidr = cidrSchema("refused");

/** NAT egress for private subnets: a mode, not a pile of booleans. */
export const natMode = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("none") }).strict(),
  z.object({ mode: z.literal("single") }).strict(),
  z.object({ mode: z.literal("perAz") }).strict(),
]);
export type NatMode = z.infer<typeof natMode>;

/**
 * Environment-wide settings: defaults in root.ts, overridden by env.ts, then by region.ts.
 * Modules read them in their _envcommon defaults.
 */
export const envSettings = z
  .object({
    /** Sizing tier, as seed 004 names it. */
    tier: z.enum(["micro", "small", "medium", "large"]),
    /** Service-level deletion protection and `lifecycle.prevent_destroy` on stateful resources. */
    deletionProtection: z.boolean(),
    /** Encryption in transit is mandatory (TLS-only endpoints, rds.force_ssl). */
    httpsOnly: z.boolean(),
    nat: natMode,
    flowLogs: z.object({ enabled: z.boolean(), retentionDays: logRetentionDays }).strict(),
    /** Application / service log groups. */
    logRetentionDays,
    /** Automated backup retention for databases (RDS allows 0-35; we require >= 1). */
    backupRetentionDays: z.number().int().min(1).max(35),
    /** ECS Container Insights. */
    containerInsights: z.boolean(),
    /** Where alarm notifications go (an SNS email subscription); none when empty. */
    alarmEmails: z.array(z.email()),
    /** Backup and maintenance windows (UTC) of databases, caches and search domains, typed: see windows.ts. */
    windows: maintenanceWindows,
  })
  .strict();
export type EnvSettings = z.infer<typeof envSettings>;

export const waiver = z
  .object({
    /** Policy rule id, e.g. "INF-VPC-001". */
    rule: z.string().min(1),
    /**
     * Resource address glob within a stack: "aws_flow_log.*". Which stacks: the deployment's own (a
     * module's or deployment's waiver), the env's deployments named in `deployments`, or every
     * deployment of the env.
     */
    address: z
      .string()
      .min(1)
      .refine((a) => !a.includes("/"), {
        message:
          'a resource address glob without a stack part ("aws_vpc.*"): a module\'s or deployment\'s waiver covers its own stack; an env waiver names its deployments by id, deployments: ["us-east-1/network/vpc"]',
      }),
    /**
     * An env waiver's deployments, by exact id (`{region}/{category}/{module}`); each must exist in the
     * env. @default every deployment of the env (only env-level waivers may name deployments)
     */
    deployments: z.array(z.string().min(1)).min(1).optional(),
    /** Why this relaxation is acceptable. Required: a waiver without a reason is not a decision. */
    reason: z.string().trim().min(10, { message: "a waiver needs a written reason (at least 10 characters)" }),
    /** The waiver stops applying after this date. */
    expires: isoDate.optional(),
  })
  .strict();
export type WaiverConfig = z.infer<typeof waiver>;

export const stateConfig = z
  .object({
    /** Bucket name pattern: {project}, {env}, {accountId} are replaced. */
    bucket: z.string().min(3),
    /** DynamoDB lock table name pattern (same placeholders). */
    lockTable: z.string().min(3),
    /** Region that holds the state bucket and lock table. */
    region: regionName,
    /** State object key pattern: {env}, {region}, {category}, {module}. */
    keyPattern: z.string().refine((k) => ["{env}", "{region}", "{category}", "{module}"].every((p) => k.includes(p)), {
      message: "must contain {env}, {region}, {category} and {module} so every deployment has its own state",
    }),
    encrypt: z.literal(true),
    /** Terraform >= 1.10 native S3 locking (use_lockfile). Both may be on during the migration. */
    useLockfile: z.boolean(),
    /** DynamoDB locking; turn off once every user runs Terraform >= 1.10 with useLockfile. */
    dynamodbLocking: z.boolean(),
  })
  .strict();
export type StateConfig = z.infer<typeof stateConfig>;

/**
 * The preflight rule family (libs/policy/src/preflight, docs/preflight.md): `enforce` fails synth on
 * an unwaived finding, `report` only reports it (in `npm run policy` and as synth warnings).
 */
export const preflightConfig = z
  .object({
    mode: z.enum(["enforce", "report"]),
  })
  .strict();
export type PreflightConfig = z.infer<typeof preflightConfig>;

/**
 * Service quotas of the env's account in one region, as Service Quotas shows them: preflight checks
 * the env against them (a new account may start below AWS's default; a raised quota goes here).
 */
export const regionQuotas = z
  .object({
    /** Lambda concurrent executions (quota code L-B99A9384). @default 1000 (the AWS default) */
    lambdaConcurrentExecutions: z.number().int().min(10).optional(),
  })
  .strict();
export type RegionQuotas = z.infer<typeof regionQuotas>;

/** One thing a person provides before the first deploy of an env, and how. */
const prerequisite = z
  .object({
    /** Secret (or SSM parameter) name, or hosted zone name. */
    name: z.string().min(1),
    /** How it is provided (the command, who does it): a prerequisite without one is not a plan. */
    reason: z.string().trim().min(10, { message: "say how it is provided (at least 10 characters)" }),
  })
  .strict();

/**
 * Fresh-account prerequisites the stacks cannot create: secret values set by hand, zones delegated
 * from a registrar or another account. Preflight rules accept a plan-time secret read or an
 * undelegated validation zone only when it is listed here.
 */
export const prerequisites = z
  .object({
    /** Secrets / SSM parameters whose value is set before deploy (e.g. `aws secretsmanager put-secret-value`). @default none */
    secrets: z.array(prerequisite).optional(),
    /** Hosted zones delegated from outside the env (registrar NS records, a parent zone in another account). @default none */
    zones: z.array(prerequisite).optional(),
  })
  .strict();
export type Prerequisites = z.infer<typeof prerequisites>;

export const rootConfig = z
  .object({
    project: kebab,
    state: stateConfig,
    /** Terraform CLI version constraint written into every stack. */
    terraformVersion: z.string().min(1),
    /** Tags on every resource through the provider's default_tags. */
    tags: z.record(z.string(), z.string()),
    settings: envSettings,
    /** The preflight rule family's enforcement. @default { mode: "enforce" } */
    preflight: preflightConfig.optional(),
  })
  .strict();
export type RootConfig = z.infer<typeof rootConfig>;
