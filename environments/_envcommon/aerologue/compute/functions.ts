import { sumReservedConcurrency } from "@infra/config";
import { type FunctionSpec, functionsInputs } from "@infra/aerologue-inputs";
import { ORIGIN_VERIFY_SECRET, PRIMARY, prefix } from "../names";
import { aurora } from "../data/aurora";
import { cache } from "../data/cache";
import { dynamodb } from "../data/dynamodb";
import { storage } from "../data/storage";
import { timestream } from "../data/timestream";
import { vpc } from "../network/vpc";
import { kms } from "../security/kms";
import { secrets } from "../security/secrets";
import { aerologueModule } from "../workload";

/**
 * ARC-004 says Node.js 20; nodejs20.x reached AWS end of support on 2026-04-30 (no new functions,
 * no updates), so the functions run the current LTS runtime, nodejs24.x (supported until 2028-04-30;
 * nodejs22.x would end 2027-04-30). Every function's bundle exports `handler` from index.js.
 */
const NODE = { runtime: "nodejs24.x", handler: "index.handler" } as const;
const BASE_LAYERS = ["common-utils", "aws-sdk-optimized"];
const none = { tables: [], buckets: [], timestream: "none" as const, aurora: false, cache: false, secrets: [], sendToBroadcastQueue: false };

/** ARC-004's function table (runtime, memory, timeout, trigger, purpose, reserved concurrency), with each function's least-privilege access. */
export const AEROLOGUE_FUNCTIONS: Record<string, FunctionSpec> = {
  "api-rest-handler": {
    purpose: "REST API endpoints",
    ...NODE,
    memoryMb: 512,
    timeoutSeconds: 30,
    trigger: { type: "http-api" },
    layers: [...BASE_LAYERS, "geo-utils"],
    access: {
      ...none,
      tables: [
        "user_sessions",
        "user_context",
        "flight_crossings",
        "crossing_participants",
        "crossing_messages",
        "vlog_journeys",
        "vlog_stopovers",
        "vlog_pinned_media",
        "airport_schedules",
        "wallet_documents",
        "admin_audit_log",
        "config",
      ],
      buckets: ["user-content"],
      timestream: "read",
      aurora: true,
      cache: true,
      // Compares the X-Origin-Verify header CloudFront adds (docs/adr/0075).
      secrets: [ORIGIN_VERIFY_SECRET],
      sendToBroadcastQueue: true,
    },
  },
  "api-ws-connect": {
    purpose: "WebSocket connect",
    ...NODE,
    memoryMb: 256,
    timeoutSeconds: 10,
    trigger: { type: "websocket", route: "$connect" },
    layers: BASE_LAYERS,
    access: { ...none, tables: ["websocket_connections", "user_sessions"], cache: true, secrets: [ORIGIN_VERIFY_SECRET] },
  },
  "api-ws-disconnect": {
    purpose: "WebSocket disconnect",
    ...NODE,
    memoryMb: 256,
    timeoutSeconds: 10,
    trigger: { type: "websocket", route: "$disconnect" },
    layers: BASE_LAYERS,
    access: { ...none, tables: ["websocket_connections"], cache: true },
  },
  "api-ws-message": {
    purpose: "WebSocket messages",
    ...NODE,
    memoryMb: 512,
    timeoutSeconds: 30,
    trigger: { type: "websocket", route: "$default" },
    layers: BASE_LAYERS,
    access: { ...none, tables: ["websocket_connections", "crossing_messages", "flight_crossings"], cache: true, sendToBroadcastQueue: true },
  },
  "etl-flight-data": {
    purpose: "Fetch flight positions",
    ...NODE,
    memoryMb: 1024,
    timeoutSeconds: 60,
    trigger: { type: "schedule", everySeconds: 10 },
    reservedConcurrency: 10,
    layers: [...BASE_LAYERS, "geo-utils"],
    access: { ...none, tables: ["config"], timestream: "write", cache: true, secrets: ["aerologue/api/adsb-exchange"] },
  },
  "etl-airport-data": {
    purpose: "Fetch airport data",
    ...NODE,
    memoryMb: 512,
    timeoutSeconds: 60,
    trigger: { type: "schedule", everySeconds: 3600 },
    layers: BASE_LAYERS,
    access: {
      ...none,
      tables: ["airport_schedules"],
      buckets: ["data-archive"],
      aurora: true,
      secrets: ["aerologue/api/aerodatabox", "aerologue/api/airlabs"],
    },
  },
  "crossing-detector": {
    purpose: "Detect flight crossings",
    ...NODE,
    memoryMb: 1024,
    timeoutSeconds: 30,
    trigger: { type: "schedule", everySeconds: 10 },
    reservedConcurrency: 20,
    layers: [...BASE_LAYERS, "geo-utils"],
    access: {
      ...none,
      tables: ["flight_crossings", "crossing_participants", "user_context", "config"],
      timestream: "read",
      cache: true,
      sendToBroadcastQueue: true,
    },
  },
  "ws-broadcast": {
    purpose: "Broadcast to WebSocket clients",
    ...NODE,
    memoryMb: 512,
    timeoutSeconds: 30,
    trigger: { type: "sqs" },
    reservedConcurrency: 100,
    layers: BASE_LAYERS,
    access: { ...none, tables: ["websocket_connections"], cache: true },
  },
  "auth-triggers": {
    purpose: "Auth event handlers",
    ...NODE,
    memoryMb: 256,
    timeoutSeconds: 10,
    trigger: { type: "cognito" },
    layers: BASE_LAYERS,
    access: { ...none, tables: ["user_sessions"], aurora: true },
  },
  "scheduled-cleanup": {
    purpose: "TTL cleanup, maintenance",
    ...NODE,
    memoryMb: 256,
    timeoutSeconds: 60,
    trigger: { type: "schedule", everySeconds: 86400 },
    layers: BASE_LAYERS,
    access: { ...none, tables: ["user_sessions", "websocket_connections", "admin_audit_log"], buckets: ["data-archive"], aurora: true },
  },
};

/** ARC-004 Lambda + ARC-015 environment + ARC-010 logs/X-Ray. */
export const functions = aerologueModule("compute/functions", {
  schema: functionsInputs,
  // Counted against the account and region budget (region.ts reservedConcurrency, quotas).
  reservedConcurrency: (inputs) => sumReservedConcurrency(inputs.functions),
  dependencies: {
    kms: { module: kms, region: PRIMARY },
    secrets: { module: secrets, region: PRIMARY },
    vpc,
    dynamodb: { module: dynamodb, region: PRIMARY },
    aurora,
    cache,
    storage: { module: storage, region: PRIMARY },
    timestream: { module: timestream, region: PRIMARY },
  },
  defaults: (ctx) => ({
    prefix: prefix(ctx),
    architecture: "arm64" as const,
    functions: AEROLOGUE_FUNCTIONS,
    layers: {
      "common-utils": { contents: "Shared utilities, logging, error handling (~5 MB)", compatibleRuntimes: [NODE.runtime] },
      "aws-sdk-optimized": { contents: "Trimmed AWS SDK (~10 MB)", compatibleRuntimes: [NODE.runtime] },
      "geo-utils": { contents: "GeoHash, distance calculations (~2 MB)", compatibleRuntimes: [NODE.runtime] },
    },
    artifacts: {
      bucket: ctx.workload.artifacts.bucket,
      functionKeys: { ...ctx.workload.artifacts.functionKeys },
      layerKeys: { ...ctx.workload.artifacts.layerKeys },
    },
    // ARC-015 environment variables.
    environment: {
      ENVIRONMENT: ctx.env.name,
      LOG_LEVEL: ctx.workload.logLevel,
      API_RATE_LIMIT: `${ctx.workload.apiRateLimitPerMinute}/min`,
      ADSB_PROVIDER: ctx.workload.adsbProvider,
      ENABLE_ANALYTICS: String(ctx.workload.enableAnalytics),
    },
    logLevel: ctx.workload.logLevel,
    logRetentionDays: ctx.workload.logRetentionDays,
    xraySamplingRate: ctx.workload.xraySamplingRate,
    ownsSamplingRule: true,
    tablePrefix: `${prefix(ctx)}-`,
  }),
});
