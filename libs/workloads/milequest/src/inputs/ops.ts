import { z } from "zod";
import { email, name, role } from "./common";

/**
 * Seed 003 "Cost Optimization Architecture", verbatim: the budget's baseline. Fixed costs are
 * monthly; usage prices are per unit as the diagram gives them (USD).
 */
export const SEED_COST_BASELINE = {
  fixedMonthlyUsd: { route53HostedZone: 0.5, natGateway: 45 },
  usageUsd: {
    lambdaPerMillionRequests: 0.2,
    apiGatewayPerMillionRequests: 3.5,
    s3PerGbMonth: 0.023,
    cloudfrontPerGb: 0.085,
    auroraServerlessPerAcuHour: 0.12,
    elasticachePerGbHour: 0.034,
    dynamodbPerMillionRequests: 0.25,
  },
} as const;

const usd = z.number().min(0);
export const costBaseline = z
  .object({
    fixedMonthlyUsd: z.object({ route53HostedZone: usd, natGateway: usd }).strict(),
    usageUsd: z
      .object({
        lambdaPerMillionRequests: usd,
        apiGatewayPerMillionRequests: usd,
        s3PerGbMonth: usd,
        cloudfrontPerGb: usd,
        auroraServerlessPerAcuHour: usd,
        elasticachePerGbHour: usd,
        dynamodbPerMillionRequests: usd,
      })
      .strict(),
  })
  .strict();
export type CostBaseline = z.infer<typeof costBaseline>;

/** milequest-ops/monitoring: dashboards, alarms → SNS (email, optional PagerDuty/Slack), X-Ray (seed 003 monitoring). */
export const monitoringInputs = z
  .object({
    name,
    role,
    alarmEmails: z.array(email).min(1),
    /** PagerDuty's SNS integration URL (https); none when unset. */
    pagerDutyEndpoint: z.string().startsWith("https://").optional(),
    /** AWS Chatbot → Slack (workspace authorised once in the console); none when unset. */
    slack: z
      .object({ workspaceId: z.string().regex(/^[A-Z0-9]+$/), channelId: z.string().regex(/^[A-Z0-9]+$/) })
      .strict()
      .optional(),
    api5xxPercent: z.number().min(0.1).max(100),
    apiLatencyP99Ms: z.number().int().min(50),
    lambdaErrorsPer5Min: z.number().int().min(1),
    auroraAcuPercent: z.number().min(1).max(100),
    /** X-Ray sampling: fixed requests per second, then this share of the rest. */
    xrayReservoirPerSecond: z.number().int().min(0),
    xrayFixedRate: z.number().min(0).max(1),
  })
  .strict();
export type MonitoringInputs = z.infer<typeof monitoringInputs>;

/** milequest-ops/budget: AWS Budgets with cost alarms (seed 003 "Cost Controls"), per env. */
export const budgetInputs = z
  .object({
    name,
    monthlyLimitUsd: z.number().positive(),
    /** Actual-spend alarm thresholds in percent of the limit (plus 100 % forecasted). */
    actualThresholdsPercent: z.array(z.number().positive()).min(1).max(4),
    emails: z.array(email).min(1).max(10),
    /** Cost allocation tag the budget filters on (activate it in Billing). */
    projectTag: z.string().min(1),
    baseline: costBaseline,
  })
  .strict()
  .superRefine((v, ctx) => {
    const fixed = Object.values(v.baseline.fixedMonthlyUsd).reduce((a, b) => a + b, 0);
    if (v.monthlyLimitUsd < fixed) {
      ctx.addIssue({
        code: "custom",
        path: ["monthlyLimitUsd"],
        message: `must cover at least the seed's fixed monthly costs (${fixed} USD: Route 53 zone + NAT gateway)`,
      });
    }
  });
export type BudgetInputs = z.infer<typeof budgetInputs>;

/**
 * CodeDeploy's predefined configurations for Lambda (compute platform Lambda): canary (a share,
 * then the rest after N minutes), linear (10 % more every N minutes) or all at once.
 */
export const LAMBDA_DEPLOYMENT_CONFIGS = [
  "CodeDeployDefault.LambdaAllAtOnce",
  "CodeDeployDefault.LambdaCanary10Percent5Minutes",
  "CodeDeployDefault.LambdaCanary10Percent10Minutes",
  "CodeDeployDefault.LambdaCanary10Percent15Minutes",
  "CodeDeployDefault.LambdaCanary10Percent30Minutes",
  "CodeDeployDefault.LambdaLinear10PercentEvery1Minute",
  "CodeDeployDefault.LambdaLinear10PercentEvery2Minutes",
  "CodeDeployDefault.LambdaLinear10PercentEvery3Minutes",
  "CodeDeployDefault.LambdaLinear10PercentEvery10Minutes",
] as const;

/** milequest-ops/deploy: seed 003 "Package" (ECR, Lambda containers) and "Canary Deploy" (CodeDeploy on the API functions' aliases). */
export const deployInputs = z
  .object({
    name,
    /** How CodeDeploy shifts an API function's alias onto a new version. */
    deploymentConfig: z.enum(LAMBDA_DEPLOYMENT_CONFIGS),
    /** The ECR repository of Lambda container images (seed 003 "ECR Lambda Containers"). */
    repository: z
      .object({
        /** Days an untagged image (a pushed-over build) stays. */
        expireUntaggedDays: z.number().int().min(1),
        /** Tagged images kept: enough that every version a rollback may return to still has its image. */
        keepLastTagged: z.number().int().min(2),
      })
      .strict(),
    deletionProtection: z.boolean(),
  })
  .strict();
export type DeployInputs = z.infer<typeof deployInputs>;
