import { defineWorkload } from "@infra/config";
import { type AerologueConfig, aerologueConfig } from "@infra/aerologue-inputs";
import { workloadModules } from "@infra/workload-shared-inputs";

const FUNCTIONS = [
  "api-rest-handler",
  "api-ws-connect",
  "api-ws-disconnect",
  "api-ws-message",
  "etl-flight-data",
  "etl-airport-data",
  "crossing-detector",
  "ws-broadcast",
  "auth-triggers",
  "scheduled-cleanup",
];
const LAYERS = ["common-utils", "aws-sdk-optimized", "geo-utils"];

/**
 * Seed 000: Aerologue, the serverless flight app (dev, staging, prod in us-east-1). The defaults
 * are prod's column of ARC-015; env files state only their differences.
 */
export const aerologue = defineWorkload({
  name: "aerologue",
  project: "aerologue",
  schema: aerologueConfig,
  defaults: {
    domain: "aerologue.app",
    logLevel: "warn",
    apiRateLimitPerMinute: 1000,
    adsbProvider: "real",
    enableAnalytics: true,
    featureFlags: { crossing_detection: true, greeting_feature: true, vlog_native_upload: false, admin_manual_checkin: false },
    apiThrottle: { rateLimit: 1000, burstLimit: 2000 },
    // ARC-006 "aerologue.app, *.aerologue.app, localhost:*" as the exact origins API Gateway can match:
    // the apex and www (both served by CloudFront, ARC-008). Other envs list their own; only dev
    // adds a local development origin.
    corsOrigins: ["https://aerologue.app", "https://www.aerologue.app"],
    callbackUrls: ["https://aerologue.app/auth/callback"],
    logoutUrls: ["https://aerologue.app/"],
    adminIpCidrs: [],
    alarmEmails: [],
    logRetentionDays: 30,
    xraySamplingRate: 0.05,
    standbyNat: false,
    artifacts: {
      bucket: "aerologue-artifacts",
      functionKeys: Object.fromEntries(FUNCTIONS.map((f) => [f, `lambda/${f}.zip`])),
      layerKeys: Object.fromEntries(LAYERS.map((l) => [l, `layers/${l}.zip`])),
    },
    globalRegions: [],
  },
});

/** Defines an Aerologue module by its `"<folder>/<module>"` under this folder (category `aerologue-<folder>`, builder `aerologue/<module>`). */
export const aerologueModule = workloadModules<AerologueConfig>("aerologue");
