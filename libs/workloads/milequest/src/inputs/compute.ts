import { s3BucketName, scheduleExpression } from "@infra/config";
import { z } from "zod";
import { logRetention, name, role } from "./common";

/** Seed 003 "Lambda Functions by Domain" behind the REST API, plus the JWT authorizer and the health probe Route 53 calls. */
export const REST_FUNCTIONS = [
  "authorizer",
  "login",
  "register",
  "refresh",
  "createTeam",
  "updateTeam",
  "inviteMembers",
  "logActivity",
  "syncActivity",
  "calculateRoute",
  "geocodeAddress",
  "health",
] as const;
/** Seed 003 "WebSocket Lambdas": aggregateProgress (WS → L_ACT_AGG) and the connection lifecycle and fan-out. */
export const WEBSOCKET_FUNCTIONS = ["aggregateProgress", "wsConnect", "wsDisconnect", "wsBroadcast"] as const;
/** Seed 003 "Background Job Lambdas", one per feed: SQS, SNS, EventBridge schedule, EventBridge events. */
export const JOB_FUNCTIONS = ["processActivity", "sendNotifications", "syncWearables", "exportAnalytics"] as const;

export type RestFunction = (typeof REST_FUNCTIONS)[number];
export type WebsocketFunction = (typeof WEBSOCKET_FUNCTIONS)[number];
export type JobFunction = (typeof JOB_FUNCTIONS)[number];

export const functionSettings = z
  .object({
    memoryMb: z.number().int().min(128).max(10240),
    timeoutSeconds: z.number().int().min(1).max(900),
    /** Reserved concurrency: blast radius and cost cap per function. */
    reservedConcurrency: z.number().int().min(1).max(1000),
  })
  .strict();
export type FunctionSettings = z.infer<typeof functionSettings>;

function functionMap<N extends string>(names: readonly N[]) {
  return z.object(Object.fromEntries(names.map((n) => [n, functionSettings])) as Record<N, typeof functionSettings>).strict();
}

/** Where Lambda code comes from: CI uploads zips, config names them; synth never needs the files. */
export const artifactsInput = z
  .object({
    /** Artifact bucket in the function's region (Lambda reads zips from its own region only). */
    bucket: s3BucketName,
    /** Key prefix; each function's zip is <prefix>/<function>.zip. */
    prefix: z.string().regex(/^[A-Za-z0-9._/-]+$/),
  })
  .strict();

/** Runtimes the application code is built for (the lambda library re-checks deprecation dates at synth). */
const runtime = z.enum(["nodejs22.x", "nodejs24.x"]);

const common = {
  name,
  role,
  runtime,
  artifacts: artifactsInput,
  logRetentionDays: logRetention,
};

/**
 * The alias API Gateway invokes (seed 003 "Canary Deploy"): CodeDeploy shifts it between versions.
 * Lambda's pattern: letters, digits, - and _, and not only digits (that would be a version).
 */
export const aliasName = z
  .string()
  .regex(/^(?![0-9]+$)[A-Za-z0-9_-]{1,128}$/, { message: "must be 1-128 letters, digits, - or _, and not only digits (that names a version)" });

export const throttle = z.object({ rateLimit: z.number().min(1), burstLimit: z.number().int().min(1) }).strict();

/** milequest-api/rest: the REST API (api.<domain>), its authorizer and the domain functions. */
export const restApiInputs = z
  .object({
    ...common,
    functions: functionMap(REST_FUNCTIONS),
    aliasName,
    /** The regional custom domain CloudFront (and the failover records) send API traffic to. */
    originDomain: z.string().min(1),
    stageName: z.string().regex(/^[a-zA-Z0-9_]+$/),
    throttle,
    /** Stage execution logging (API Gateway's own log of each request's flow): ERROR logs failures only, INFO every request. */
    executionLogLevel: z.enum(["ERROR", "INFO"]),
    /** Seconds API Gateway caches an authorizer decision per token (0..3600). */
    authorizerCacheSeconds: z.number().int().min(0).max(3600),
    /** Regional WAF on the stage: the regional endpoint is reachable without CloudFront. */
    wafRateLimitPer5Min: z.number().int().min(100),
  })
  .strict();
export type RestApiInputs = z.infer<typeof restApiInputs>;

/** milequest-api/websocket: the WebSocket API (ws.<domain>) with aggregateProgress and the connection functions. */
export const websocketInputs = z
  .object({
    ...common,
    functions: functionMap(WEBSOCKET_FUNCTIONS),
    aliasName,
    domain: z.string().min(1),
    stageName: z.string().regex(/^[a-zA-Z0-9_]+$/),
    throttle,
  })
  .strict();
export type WebsocketInputs = z.infer<typeof websocketInputs>;

/** milequest-compute/jobs: background jobs fed by SQS, SNS and EventBridge. */
export const jobsInputs = z
  .object({
    ...common,
    functions: functionMap(JOB_FUNCTIONS),
    /** How often wearable data is pulled from Fitbit and Google Fit. */
    wearableSyncSchedule: scheduleExpression,
    /** SQS batch size of processActivity. */
    activityBatchSize: z.number().int().min(1).max(10),
    /** A standby region's rules stay disabled until failover (no double runs). */
    triggersEnabled: z.boolean(),
    /** Sender identity of notification emails (an SES domain identity). */
    sesIdentityDomain: z.string().min(1),
  })
  .strict();
export type JobsInputs = z.infer<typeof jobsInputs>;
