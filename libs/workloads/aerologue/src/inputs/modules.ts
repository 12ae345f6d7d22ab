import { adminCidr, ipv4Cidr, logRetentionDays, natMode, publicDomain, zoneDelegationInput } from "@infra/config";
import { validateTableKeys } from "@infra/dynamodb/keys";
import { subnetLayoutIssues } from "@infra/workload-shared-inputs";
import { z } from "zod";

const name = z.string().regex(/^[a-z][a-z0-9-]*[a-z0-9]$/, { message: "must be lower-case kebab-case" });
const retention = logRetentionDays;
const regionList = z.array(z.string());
const isPrimary = z.boolean();

/** aerologue-security/kms: keys of the primary region and, for ARC-012, of every global region. */
export const kmsInputs = z
  .object({ prefix: name, deletionWindowDays: z.number().int().min(7).max(30), deletionProtection: z.boolean(), globalRegions: regionList })
  .strict();
export type KmsInputs = z.infer<typeof kmsInputs>;

/** aerologue-security/secrets: the six secrets of ARC-009 (values are put by operators, never by code). */
export const secretsInputs = z
  .object({
    names: z.array(z.string().regex(/^aerologue\/[a-z0-9/_-]+$/, { message: 'must be under "aerologue/"' })).min(1),
    recoveryWindowDays: z.number().int().min(7).max(30),
    deletionProtection: z.boolean(),
    globalRegions: regionList,
  })
  .strict();
export type SecretsInputs = z.infer<typeof secretsInputs>;

const securityGroupRule = (cidr: typeof ipv4Cidr) => z.object({ port: z.number().int().min(0).max(65535), cidrs: z.array(cidr) }).strict();

/** aerologue-network/vpc: ARC-003. */
export const vpcInputs = z
  .object({
    prefix: name,
    cidr: z.string(),
    azs: z.array(z.string()).length(2, { message: "ARC-003 places the VPC in exactly two availability zones" }),
    subnetNewBits: z.number().int().min(1).max(12),
    subnetOffsets: z.object({ public: z.array(z.number().int()), private: z.array(z.number().int()), database: z.array(z.number().int()) }).strict(),
    nat: natMode,
    standbyNat: z.boolean(),
    flowLogs: z.object({ enabled: z.boolean(), retentionDays: retention }).strict(),
    /** sg-alb: 443 from the internet. */
    albIngress: securityGroupRule(ipv4Cidr),
    /** sg-admin: 443 from the admin IPs. */
    adminIngress: securityGroupRule(adminCidr),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.standbyNat && v.nat.mode !== "single") {
      ctx.addIssue({ code: "custom", path: ["standbyNat"], message: `a standby NAT only makes sense next to nat mode "single" (got "${v.nat.mode}")` });
    }
    if (v.standbyNat && v.subnetOffsets.public.length < 2)
      ctx.addIssue({ code: "custom", path: ["standbyNat"], message: "a standby NAT needs a second public subnet" });
    for (const issue of subnetLayoutIssues(v)) ctx.addIssue({ code: "custom", ...issue });
  });
export type VpcInputs = z.infer<typeof vpcInputs>;

const keyAttr = z.object({ name: z.string().min(1), type: z.enum(["S", "N"]) }).strict();
export const tableSpec = z
  .object({
    partitionKey: keyAttr,
    sortKey: keyAttr.optional(),
    indexes: z.array(z.object({ name: z.string().min(1), partitionKey: keyAttr, sortKey: keyAttr.optional() }).strict()),
    /** TTL attribute and the retention the application writes into it (ARC-005: "TTL: 30 days"). */
    ttl: z
      .object({ attribute: z.string().min(1), days: z.number().int().positive(), basis: z.string().optional() })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    // Attribute definitions are derived from the keys (AWS rejects unused ones); the same checks as libs/dynamodb, at resolve time.
    for (const message of validateTableKeys({ partitionKey: v.partitionKey, sortKey: v.sortKey, globalSecondaryIndexes: v.indexes })) {
      const on = /^(partitionKey|sortKey)\b/.exec(message)?.[1];
      ctx.addIssue({ code: "custom", path: on ? [on, "name"] : ["indexes"], message });
    }
    const keys = [v.partitionKey, v.sortKey, ...v.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
    const ttlKey = keys.find((k) => k !== undefined && k.name === v.ttl?.attribute && k.type !== "N");
    if (ttlKey)
      ctx.addIssue({
        code: "custom",
        path: ["ttl", "attribute"],
        message: `the TTL attribute holds epoch seconds (a Number); "${ttlKey.name}" is a ${ttlKey.type} key attribute`,
      });
  });
export type TableSpec = z.infer<typeof tableSpec>;

/** aerologue-data/dynamodb: the twelve tables of ARC-005 plus ARC-015's config table. */
export const dynamodbInputs = z
  .object({
    prefix: name,
    tables: z.record(z.string().regex(/^[a-z_]+$/), tableSpec),
    featureFlags: z.record(z.string(), z.boolean()),
    environment: z.string(),
    pitrDays: z.number().int().min(1).max(35),
    deletionProtection: z.boolean(),
    replicaRegions: regionList,
  })
  .strict();
export type DynamodbInputs = z.infer<typeof dynamodbInputs>;

/** aerologue-data/aurora: ARC-005 Aurora PostgreSQL Serverless v2 (primary, or an ARC-012 secondary). */
export const auroraInputs = z
  .object({
    clusterIdentifier: name,
    engineVersion: z.string().regex(/^15\.\d+$/, { message: "ARC-005 asks for PostgreSQL 15" }),
    databaseName: z.string().regex(/^[a-z_][a-z0-9_]*$/),
    minCapacity: z.number().min(0).max(256),
    maxCapacity: z.number().min(1).max(256),
    /** Only with minCapacity 0: seconds idle before pausing (300..86400). */
    secondsUntilAutoPause: z.number().int().min(300).max(86400).optional(),
    /** Why the cluster may pause (required with minCapacity 0). */
    pauseReason: z.string().min(10).optional(),
    instances: z.number().int().min(1).max(16),
    backupRetentionDays: z.number().int().min(1).max(35),
    credentialRotationDays: z.number().int().min(1).max(365),
    deletionProtection: z.boolean(),
    logRetentionDays: retention,
    role: z.enum(["standalone", "global-primary", "global-secondary"]),
    globalClusterIdentifier: name,
    primaryRegion: z.string(),
    /**
     * ARC-005 extensions, created on apply with `CREATE EXTENSION IF NOT EXISTS` through the Data API
     * (ADR 0125), in this order. Names only (they are written into SQL): lower-case identifiers.
     */
    extensions: z
      .array(
        z
          .string()
          .regex(/^[a-z][a-z0-9_]*$/, { message: "an extension name: lower-case letters, digits and _, starting with a letter (it is written into SQL)" }),
      )
      .min(1)
      .refine((l) => new Set(l).size === l.length, { message: "names an extension twice" }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.minCapacity === 0 && (v.secondsUntilAutoPause === undefined || v.pauseReason === undefined)) {
      ctx.addIssue({ code: "custom", path: ["minCapacity"], message: "minCapacity 0 (auto-pause) needs secondsUntilAutoPause and a written pauseReason" });
    }
    if (v.minCapacity > 0 && v.secondsUntilAutoPause !== undefined) {
      ctx.addIssue({ code: "custom", path: ["secondsUntilAutoPause"], message: "auto-pause needs minCapacity 0" });
    }
    if (v.maxCapacity < v.minCapacity) ctx.addIssue({ code: "custom", path: ["maxCapacity"], message: `must be >= minCapacity ${v.minCapacity}` });
    if (v.minCapacity === 0 && v.role !== "standalone")
      ctx.addIssue({ code: "custom", path: ["minCapacity"], message: "a global database member cannot auto-pause" });
  });
export type AuroraInputs = z.infer<typeof auroraInputs>;

/** aerologue-data/cache: ARC-005 ElastiCache Redis. */
export const cacheInputs = z
  .object({
    replicationGroupId: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
    nodeType: z.string().regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/),
    nodes: z.number().int().min(1).max(6),
    automaticFailover: z.boolean(),
    appUser: z.string().min(1),
    snapshotRetentionDays: z.number().int().min(0).max(35),
    logRetentionDays: retention,
    deletionProtection: z.boolean(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.automaticFailover && v.nodes < 2)
      ctx.addIssue({ code: "custom", path: ["automaticFailover"], message: `automatic failover needs a replica (nodes >= 2, got ${v.nodes})` });
  });
export type CacheInputs = z.infer<typeof cacheInputs>;

const bucketSpec = z
  .object({
    transitions: z.array(
      z
        .object({ storageClass: z.enum(["STANDARD_IA", "GLACIER", "GLACIER_IR", "DEEP_ARCHIVE", "INTELLIGENT_TIERING"]), days: z.number().int().positive() })
        .strict(),
    ),
    expirationDays: z.number().int().positive().optional(),
    /** Logs bucket: written by CloudFront and S3 access logging (SSE-S3, ARC-009 encryption table). */
    logBucket: z.boolean(),
    /** ARC-012: replicate to the global regions. */
    replicate: z.boolean(),
  })
  .strict();

/** aerologue-data/storage: the four buckets of ARC-005. */
export const storageInputs = z
  .object({
    prefix: name,
    buckets: z.record(z.string().regex(/^[a-z-]+$/), bucketSpec),
    noncurrentVersionExpirationDays: z.number().int().positive(),
    deletionProtection: z.boolean(),
    replicaRegions: regionList,
  })
  .strict();
export type StorageInputs = z.infer<typeof storageInputs>;

/**
 * Where the time series lives (docs/adr/0012-time-series-store.md). Timestream for LiveAnalytics
 * closed to new customers on 2025-06-20 (CreateDatabase fails on a fresh account), so the default is
 * a DynamoDB table any account can create; LiveAnalytics stays available to an account that is
 * already a customer, which config must state (and `infra preflight` lists as a prerequisite).
 */
export const timeSeriesStore = z.discriminatedUnion("kind", [
  /** A DynamoDB table: partition aircraft_id, sort observed_at (epoch ms), TTL expires_at, on demand, PITR, CMK. */
  z.object({ kind: z.literal("dynamodb") }).strict(),
  z
    .object({
      kind: z.literal("timestream-liveanalytics"),
      /** The account already uses Timestream for LiveAnalytics (AWS accepts no new customers since 2025-06-20). Must be true. */
      existingCustomer: z.boolean().optional(),
    })
    .strict()
    .superRefine((v, ctx) => {
      if (v.existingCustomer !== true) {
        ctx.addIssue({
          code: "custom",
          path: ["existingCustomer"],
          message:
            'Timestream for LiveAnalytics accepts only existing customers (since 2025-06-20): set existingCustomer: true if this account is one, or use { kind: "dynamodb" }',
        });
      }
    }),
]);
export type TimeSeriesStore = z.infer<typeof timeSeriesStore>;

/** aerologue-data/timestream: ARC-005 flight positions (the seed's "Timestream (Time-Series)" box). */
export const timestreamInputs = z
  .object({
    store: timeSeriesStore,
    databaseName: z.string().min(3),
    tableName: z.string().min(3),
    /** LiveAnalytics memory store; a DynamoDB table keeps every item in fast storage. */
    memoryRetentionHours: z.number().int().min(1).max(8766),
    /** LiveAnalytics magnetic store; the DynamoDB table's TTL (positions expire after this many days). */
    magneticRetentionDays: z.number().int().min(1).max(73000),
    dimensions: z.array(z.string()).min(1),
    measures: z.array(z.string()),
    deletionProtection: z.boolean(),
  })
  .strict();
export type TimestreamInputs = z.infer<typeof timestreamInputs>;

/** aerologue-auth/cognito: ARC-007. */
export const cognitoInputs = z
  .object({
    poolName: z.string().min(1),
    clientName: z.string().min(1),
    domainPrefix: name,
    passwordPolicy: z
      .object({
        minimumLength: z.number().int().min(8).max(99),
        requireUppercase: z.boolean(),
        requireLowercase: z.boolean(),
        requireNumbers: z.boolean(),
        requireSymbols: z.boolean(),
      })
      .strict(),
    mfa: z.enum(["OFF", "OPTIONAL", "ON"]),
    customAttributes: z.array(z.string().regex(/^[a-z_]+$/)),
    scopes: z.array(z.string()).min(1),
    oauthFlows: z.array(z.enum(["code", "implicit", "client_credentials"])).min(1),
    tokenValidity: z
      .object({ accessHours: z.number().int().min(1).max(24), idHours: z.number().int().min(1).max(24), refreshDays: z.number().int().min(1).max(3650) })
      .strict(),
    callbackUrls: z.array(z.url()).min(1),
    logoutUrls: z.array(z.url()).min(1),
    identityProviders: z.array(z.enum(["SignInWithApple", "Google"])),
    deletionProtection: z.boolean(),
  })
  .strict();
export type CognitoInputs = z.infer<typeof cognitoInputs>;

export const TABLE_ACCESS = z.enum(["read", "readwrite"]);
const trigger = z.discriminatedUnion("type", [
  z.object({ type: z.literal("http-api") }).strict(),
  z.object({ type: z.literal("websocket"), route: z.enum(["$connect", "$disconnect", "$default"]) }).strict(),
  z.object({ type: z.literal("schedule"), everySeconds: z.number().int().positive() }).strict(),
  z.object({ type: z.literal("sqs") }).strict(),
  z.object({ type: z.literal("cognito") }).strict(),
]);
export type FunctionTrigger = z.infer<typeof trigger>;

export const functionSpec = z
  .object({
    purpose: z.string().min(1),
    runtime: z.string(),
    handler: z.string().min(1),
    memoryMb: z.number().int().min(128).max(10240),
    timeoutSeconds: z.number().int().min(1).max(900),
    trigger,
    reservedConcurrency: z.number().int().min(0).optional(),
    layers: z.array(z.string()),
    access: z
      .object({
        tables: z.array(z.string()),
        buckets: z.array(z.string()),
        timestream: z.enum(["none", "read", "write"]),
        aurora: z.boolean(),
        cache: z.boolean(),
        secrets: z.array(z.string()),
        sendToBroadcastQueue: z.boolean(),
      })
      .strict(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.trigger.type === "schedule" && v.trigger.everySeconds < 60 && 60 % v.trigger.everySeconds !== 0) {
      ctx.addIssue({ code: "custom", path: ["trigger", "everySeconds"], message: `a sub-minute schedule must divide 60 (got ${v.trigger.everySeconds})` });
    }
    if (v.trigger.type === "schedule" && v.trigger.everySeconds >= 60 && v.trigger.everySeconds % 60 !== 0) {
      ctx.addIssue({
        code: "custom",
        path: ["trigger", "everySeconds"],
        message: `schedules of a minute or more must be whole minutes (got ${v.trigger.everySeconds} s)`,
      });
    }
  });
export type FunctionSpec = z.infer<typeof functionSpec>;

/** aerologue-compute/functions: ARC-004 (+ ARC-015 environment, ARC-010 logs and X-Ray). */
export const functionsInputs = z
  .object({
    prefix: name,
    architecture: z.enum(["arm64", "x86_64"]),
    functions: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), functionSpec),
    layers: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.object({ contents: z.string(), compatibleRuntimes: z.array(z.string()).min(1) }).strict()),
    artifacts: z.object({ bucket: z.string(), functionKeys: z.record(z.string(), z.string()), layerKeys: z.record(z.string(), z.string()) }).strict(),
    environment: z.record(z.string(), z.string()),
    logLevel: z.enum(["debug", "info", "warn", "error"]),
    logRetentionDays: retention,
    xraySamplingRate: z.number().min(0).max(1),
    /** The X-Ray sampling rule is account-wide: only the primary region's functions stack owns it. */
    ownsSamplingRule: isPrimary,
    tablePrefix: z.string(),
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const [fn, spec] of Object.entries(v.functions)) {
      if (!v.artifacts.functionKeys[fn])
        ctx.addIssue({ code: "custom", path: ["artifacts", "functionKeys", fn], message: `function "${fn}" has no artifact key` });
      spec.layers.forEach((l, i) => {
        if (!v.layers[l])
          ctx.addIssue({ code: "custom", path: ["functions", fn, "layers", i], message: `unknown layer "${l}"; layers: ${Object.keys(v.layers).join(" | ")}` });
      });
    }
    for (const l of Object.keys(v.layers)) {
      if (!v.artifacts.layerKeys[l]) ctx.addIssue({ code: "custom", path: ["artifacts", "layerKeys", l], message: `layer "${l}" has no artifact key` });
    }
  });
export type FunctionsInputs = z.infer<typeof functionsInputs>;

/** The origin custom domains must be names of their own: the public ones are CloudFront aliases. */
function originNameIssues(v: { apiDomain: string; wsDomain: string; originApiDomain: string; originWsDomain: string }, ctx: z.RefinementCtx): void {
  const publicNames = [v.apiDomain, v.wsDomain];
  for (const key of ["originApiDomain", "originWsDomain"] as const) {
    if (publicNames.includes(v[key])) {
      ctx.addIssue({
        code: "custom",
        path: [key],
        message: `"${v[key]}" is a public name (a CloudFront alias): the origin needs its own name, e.g. "origin-${v[key]}", or CloudFront would fetch from itself`,
      });
    }
  }
  if (v.originApiDomain === v.originWsDomain)
    ctx.addIssue({ code: "custom", path: ["originWsDomain"], message: `"${v.originWsDomain}" is also originApiDomain: each API needs its own custom domain` });
}

/** aerologue-compute/api: ARC-006. */
export const apiInputs = z
  .object({
    prefix: name,
    httpApiName: z.string().min(1),
    wsApiName: z.string().min(1),
    stageName: z.string().regex(/^[a-z]+$/),
    routes: z.array(z.string().regex(/^(GET|POST|PUT|DELETE|ANY) \/[a-zA-Z0-9/{}+_-]*$/, { message: 'must look like "ANY /api/v1/flights/{proxy+}"' })).min(1),
    publicRoutes: z.array(z.string()),
    throttle: z.object({ rateLimit: z.number().int().min(1), burstLimit: z.number().int().min(1) }).strict(),
    cors: z
      .object({
        allowOrigins: z.array(z.string()).min(1),
        allowMethods: z.array(z.string()).min(1),
        allowHeaders: z.array(z.string()).min(1),
        maxAgeSeconds: z.number().int().min(0),
      })
      .strict(),
    wsRoutes: z.record(z.enum(["$connect", "$disconnect", "$default"]), z.string()),
    broadcastFunction: z.string(),
    restFunction: z.string(),
    /** The public names (CloudFront aliases, in aerologue-edge/cdn); here only for outputs. */
    apiDomain: z.string(),
    wsDomain: z.string(),
    /**
     * The API Gateway regional custom domains CloudFront uses as origins (docs/adr/0075): never the
     * public names, which belong to the distributions (a distribution whose origin is its own alias loops).
     */
    originApiDomain: z.string(),
    originWsDomain: z.string(),
    wsMappingKey: z.string(),
    logRetentionDays: retention,
    /** ARC-012: latency records per region (on the origin names) when the workload runs in more than one region. */
    latencyRouting: z.boolean(),
  })
  .strict()
  .superRefine((v, ctx) => {
    originNameIssues(v, ctx);
    v.publicRoutes.forEach((r, i) => {
      if (!v.routes.includes(r)) ctx.addIssue({ code: "custom", path: ["publicRoutes", i], message: `"${r}" is not one of the routes` });
    });
    // Browser preflight (OPTIONS, no token) must not reach a JWT route: API Gateway answers it from
    // the CORS configuration only when no route matches OPTIONS.
    v.routes.forEach((r, i) => {
      if (/^(ANY|OPTIONS) /.test(r) && !v.publicRoutes.includes(r)) {
        ctx.addIssue({
          code: "custom",
          path: ["routes", i],
          message: `"${r}" requires a token and would receive the browsers' CORS preflight (401): list the methods (GET, POST, PUT, DELETE) instead`,
        });
      }
    });
  });
export type ApiInputs = z.infer<typeof apiInputs>;

/** aerologue-edge/dns: the env's hosted zone. */
export const dnsInputs = z
  .object({
    /** The env's public zone (never a reserved domain: its certificates validate through it). */
    domain: publicDomain,
    queryLogRetentionDays: retention,
    deletionProtection: z.boolean(),
    /** Where the zone's delegation comes from (prod: the registrar; the other envs: prod's zone). */
    delegation: zoneDelegationInput,
  })
  .strict();
export type DnsInputs = z.infer<typeof dnsInputs>;

/**
 * How the API origins recognise CloudFront (docs/adr/0075). "secret-header": every distribution
 * adds `headerName: <secret value>` to requests to the API origins, the value read from Secrets
 * Manager at plan time (an operator puts it); api-rest-handler and api-ws-connect compare it.
 * "none" leaves the regional custom domains open to direct calls that skip WAF: say why.
 */
export const originVerify = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("secret-header"),
      /** e.g. "X-Origin-Verify"; not a header CloudFront forbids as a custom origin header. */
      headerName: z.string().regex(/^X-[A-Za-z0-9-]+$/, { message: 'must be an "X-" header name like "X-Origin-Verify"' }),
      /** The Secrets Manager secret holding the value (a plain string, 32+ random characters). */
      secretName: z.string().regex(/^aerologue\/[a-z0-9/_-]+$/, { message: 'must be a secret under "aerologue/"' }),
    })
    .strict(),
  z.object({ kind: z.literal("none"), reason: z.string().min(20, { message: "say why the APIs may be called without CloudFront (20+ characters)" }) }).strict(),
]);
export type OriginVerify = z.infer<typeof originVerify>;

/** aerologue-edge/cdn: ARC-008 CloudFront + ARC-009 WAF. */
export const cdnInputs = z
  .object({
    prefix: name,
    domain: z.string(),
    priceClass: z.enum(["PriceClass_100", "PriceClass_200", "PriceClass_All"]),
    ttls: z
      .object({ tilesSeconds: z.number().int().positive(), staticSeconds: z.number().int().positive(), defaultSeconds: z.number().int().positive() })
      .strict(),
    waf: z
      .object({
        rateLimitPer5Min: z.number().int().min(10),
        geoBlockCountries: z.array(z.string().regex(/^[A-Z]{2}$/)),
        managedRuleGroups: z.array(z.string()).min(1),
        botControl: z.enum(["challenge", "off"]),
        /**
         * Paths Bot Control does not inspect: the API and WebSocket paths the native apps (Android,
         * iOS, Windows) call. Their HTTP-library user agents are "bots" to Bot Control (blocked) and
         * they cannot run a browser challenge; rate limit and the other rule groups still apply.
         */
        botControlExcludePaths: z.array(z.string().regex(/^\/[^\s*]*$/, { message: 'must be a path prefix like "/api/" (no "*")' })),
        logRetentionDays: retention,
      })
      .strict(),
    wsMappingKey: z.string(),
    /** How the APIs tell CloudFront's requests from direct ones (the regional origin names are public). */
    originVerify: originVerify,
  })
  .strict();
export type CdnInputs = z.infer<typeof cdnInputs>;

/** aerologue-ops/monitoring: ARC-010 alarms. */
export const monitoringInputs = z
  .object({
    prefix: name,
    emails: z.array(z.email()),
    api5xxPercent: z.number().positive(),
    apiP99Seconds: z.number().positive(),
    lambdaErrors: z.number().int().positive(),
    auroraCpuPercent: z.number().positive().max(100),
    dynamodbThrottles: z.number().int().min(0),
    wsConnectionLimit: z.number().int().positive(),
    wsConnectionsPercent: z.number().positive().max(100),
  })
  .strict();
export type MonitoringInputs = z.infer<typeof monitoringInputs>;
