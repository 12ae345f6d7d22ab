// Input schemas of the AccountabilityAtlas modules: plain zod, no cdktf, so environments/ can import them.
import { REPLICAS_NEED_ROTATED_SECRET, adminCidr, logRetentionDays, masterCredentialsInput, publicDomain, zoneDelegationInput } from "@infra/config";
import { engineVersionPinError, validateInstanceClass } from "@infra/rds/engine";
import { z } from "zod";
import { SECRET_NAMES, SERVICE_NAMES } from "./phase";
import { appDeploySubject, e164, smsDelivery } from "./workload";

const retention = logRetentionDays;
const serviceName = z.enum(SERVICE_NAMES);
const name = z.string().min(1);

/** atlas-security/kms: CMKs per purpose (primary region), or the DR region's keys for replicas. */
export const atlasKmsInputs = z
  .object({
    name,
    role: z.enum(["primary", "dr"]),
    deletionWindowDays: z.number().int().min(7).max(30),
    deletionProtection: z.boolean(),
  })
  .strict();
export type AtlasKmsInputs = z.infer<typeof atlasKmsInputs>;

/** atlas-security/secrets: the seed's Secrets Manager table, containers only (values are set out of band). */
export const atlasSecretsInputs = z
  .object({
    /** Secret name prefix, e.g. "accountabilityatlas/prod". */
    prefix: z.string().regex(/^[a-zA-Z0-9/_+=.@-]+$/),
    /** The seed's secrets except the database password (RDS manages that one). */
    secrets: z.array(z.enum(SECRET_NAMES).exclude(["database-password"])).min(1),
    recoveryWindowDays: z.number().int().min(7).max(30),
    deletionProtection: z.boolean(),
    /**
     * Phase 2+ (ElastiCache): the Redis AUTH token, generated into `<prefix>/redis-auth-token`.
     * Raising `version` writes a new token (the rotation: docs/adr/0100-atlas-service-credentials.md).
     */
    redisAuthToken: z
      .object({ version: z.number().int().min(1) })
      .strict()
      .optional(),
    /**
     * Phase 4 prod (ADR 0106): regions each secret is replicated to (Secrets Manager replicas, each
     * encrypted with the workload's data key there), so the DR services start with their secrets
     * readable in their own region. @default [] (none)
     */
    replicaRegions: z
      .array(z.string().min(1))
      .refine((r) => new Set(r).size === r.length, { message: "must not list a region twice" })
      .optional(),
  })
  .strict();
export type AtlasSecretsInputs = z.infer<typeof atlasSecretsInputs>;

/** atlas-data/rds: the seed's Database Configuration tables, per phase and env. */
export const atlasRdsInputs = z
  .object({
    name,
    engineVersion: z.string().min(1),
    instanceClass: z.string(),
    allocatedStorageGb: z.number().int().min(20),
    multiAz: z.boolean(),
    readReplicas: z.number().int().min(0).max(5),
    backupRetentionDays: z.number().int().min(1).max(35),
    performanceInsights: z.boolean(),
    deletionProtection: z.boolean(),
    forceSsl: z.boolean(),
    logRetentionDays: retention,
    dbName: z.string().regex(/^[a-z][a-z0-9_]*$/),
    backupReplication: z
      .object({ region: z.string(), retentionDays: z.number().int().min(1).max(35) })
      .strict()
      .optional(),
    /** The seed's "Database password": RDS-managed, or (with read replicas, phase 3+) a rotated secret. */
    masterCredentials: masterCredentialsInput,
    /**
     * The services' own logins (ADR 0145, phase 2+): `username` and `<username>_clone` take turns, each
     * rotation giving the other one a new password, so a task's credentials outlive a rotation. Both act
     * as the NOLOGIN `owner`. @default none (the services log in as the master user: phase 1's host)
     */
    appLogins: z
      .object({
        username: z.string().regex(/^[a-z_][a-z0-9_]{0,56}$/, "a lower-case PostgreSQL name of at most 57 characters (its _clone twin must fit in 63)"),
        owner: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, "a lower-case PostgreSQL name of at most 63 characters"),
        secretName: z.string().regex(/^[a-zA-Z0-9/_+=.@-]{1,512}$/),
        rotationDays: z.number().int().min(1).max(90),
      })
      .strict()
      .refine((l) => l.owner !== l.username && l.owner !== `${l.username}_clone`, { path: ["owner"], message: "must differ from both logins" })
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const err = validateInstanceClass("postgres", v.instanceClass);
    if (err) ctx.addIssue({ code: "custom", path: ["instanceClass"], message: err });
    const versionError = engineVersionPinError("postgres", v.engineVersion);
    if (versionError) ctx.addIssue({ code: "custom", path: ["engineVersion"], message: versionError });
    if (v.readReplicas > 0 && v.masterCredentials.mode === "rds-managed") {
      ctx.addIssue({ code: "custom", path: ["readReplicas"], message: `masterCredentials.mode is "rds-managed": ${REPLICAS_NEED_ROTATED_SECRET}` });
    }
  });
export type AtlasRdsInputs = z.infer<typeof atlasRdsInputs>;

/** atlas-data/queues: one queue + DLQ per consuming service. */
export const atlasQueuesInputs = z
  .object({
    prefix: name,
    queues: z.array(z.object({ consumer: serviceName, producers: z.array(serviceName).min(1), purpose: z.string() }).strict()).min(1),
    maxReceiveCount: z.number().int().min(1).max(1000),
    visibilityTimeoutSeconds: z.number().int().min(0).max(43200),
  })
  .strict();
export type AtlasQueuesInputs = z.infer<typeof atlasQueuesInputs>;

/** atlas-data/buckets: backups + static assets (+ their access-log bucket); in the DR region, their replicas. */
export const atlasBucketsInputs = z
  .object({
    role: z.enum(["primary", "dr"]),
    /** Bucket name prefix, unique per env and region, e.g. "accountabilityatlas-prod-us-east-1". */
    prefix: z.string().regex(/^[a-z0-9][a-z0-9-]{2,40}$/),
    accountId: z.string(),
    deletionProtection: z.boolean(),
    /** Days until backups move to Glacier Instant Retrieval. */
    backupsToGlacierDays: z.number().int().min(1),
    accessLogExpirationDays: z.number().int().min(1),
    /** Phase 4: replicate every object to the DR region's buckets. */
    replicateTo: z.string().optional(),
    /** Phase 3+ prod: CloudFront distributions of this account may read static assets (OAC); phase 4: the DR replica too (failover origin). */
    cdnRead: z.boolean(),
  })
  .strict();
export type AtlasBucketsInputs = z.infer<typeof atlasBucketsInputs>;

/** atlas-data/redis (phase 2+): the seed's ElastiCache table. */
export const atlasRedisInputs = z
  .object({
    replicationGroupId: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
    nodeType: z.string().startsWith("cache."),
    nodes: z.number().int().min(1).max(6),
    logRetentionDays: retention,
    deletionProtection: z.boolean(),
    /** Services that may connect (security group rules; all authenticate with the AUTH token). */
    clients: z.array(serviceName),
    /**
     * Phase 4 DR copy (ADR 0106): the AUTH token is the replica, in this region, of the primary's secret
     * in this region (atlas-security/secrets replicates it). @default none: the secret of this region's secrets stack
     */
    authTokenReplicaOf: z
      .object({ primaryRegion: z.string().min(1) })
      .strict()
      .optional(),
    /**
     * How a new AUTH token reaches the running cache: ROTATE keeps the previous token valid beside
     * the new one; SET (only after a ROTATE) drops the previous one once every task runs the new one.
     */
    authTokenUpdateStrategy: z.enum(["ROTATE", "SET"]),
  })
  .strict();
export type AtlasRedisInputs = z.infer<typeof atlasRedisInputs>;

/** atlas-data/opensearch (phase 3+): the seed's OpenSearch table. */
export const atlasSearchInputs = z
  .object({
    domainName: z.string().regex(/^[a-z][a-z0-9-]{2,27}$/),
    instanceType: z.string().endsWith(".search"),
    nodes: z.number().int().min(1),
    volumeGiB: z.number().int().min(10),
    logRetentionDays: retention,
    deletionProtection: z.boolean(),
  })
  .strict();
export type AtlasSearchInputs = z.infer<typeof atlasSearchInputs>;

/** atlas-services/ecr: one repository per image of the compose file. */
export const atlasEcrInputs = z
  .object({
    repositories: z.array(z.string().regex(/^[a-z0-9][a-z0-9._/-]*$/)).min(1),
    keepLastTagged: z.number().int().min(1),
    expireUntaggedDays: z.number().int().min(1),
    deletionProtection: z.boolean(),
  })
  .strict();
export type AtlasEcrInputs = z.infer<typeof atlasEcrInputs>;

/** atlas-services/docker-host (phase 1): the EC2 Docker Compose host. */
export const atlasHostInputs = z
  .object({
    /**
     * Phase 2+ in an env that ran phase 1: the host is gone, but its stack stays in synth, empty, so
     * the next deploy plans and applies the destroy of everything phase 1 created there (instead of
     * leaving its state orphaned). docs/workloads/atlas.md "Moving to the next phase".
     */
    retired: z.boolean(),
    name,
    instanceType: z.string(),
    rootVolumeGiB: z.number().int().min(8),
    sshAdminCidrs: z.array(adminCidr).min(1),
    /** EC2 key pair for SSH deployments (seed: "SSH-based deployment"). @default none: SSM only */
    keyName: z.string().optional(),
    composeVersion: z.string().regex(/^v\d+\.\d+\.\d+$/),
    /** CloudWatch agent config parameter (must start with AmazonCloudWatch- so the agent policy can read it). */
    agentConfigParameter: z.string().startsWith("AmazonCloudWatch-"),
    metricsNamespace: z.string(),
    terminationProtection: z.boolean(),
    /** 2: compose containers use the instance role for SQS/S3 (bridge networking adds a hop). */
    metadataHopLimit: z.union([z.literal(1), z.literal(2)]),
  })
  .strict();
export type AtlasHostInputs = z.infer<typeof atlasHostInputs>;

const routedService = z.object({ name: serviceName, key: z.string(), port: z.number().int(), healthPath: z.string().startsWith("/") }).strict();

/** atlas-edge/alb (phase 2+): ALB, ACM certificate, HTTPS, redirect, path routing. */
export const atlasAlbInputs = z
  .object({
    name: z.string().regex(/^[a-zA-Z0-9-]{1,32}$/),
    certificateDomain: z.string(),
    certificateAlternativeNames: z.array(z.string()),
    /** The API's path patterns (seed nginx `location /api/`). */
    apiPaths: z.array(z.string().startsWith("/")).min(1),
    api: routedService,
    web: routedService,
    deletionProtection: z.boolean(),
    /** Phase 3+: associate the regional WAF ACL. */
    waf: z.boolean(),
    /** Phase 4: green target groups; CodeDeploy owns the listener actions. */
    blueGreen: z.boolean(),
    accessLogs: z.boolean(),
  })
  .strict();
export type AtlasAlbInputs = z.infer<typeof atlasAlbInputs>;

/** atlas-edge/waf (phase 3+). */
export const atlasWafInputs = z
  .object({
    name,
    logRetentionDays: retention,
    /** Requests per IP per 5 minutes (seed nginx: 30 r/s → 9000). */
    rateLimitPer5Min: z.number().int().min(10),
  })
  .strict();
export type AtlasWafInputs = z.infer<typeof atlasWafInputs>;

const ecsService = z
  .object({
    name: serviceName,
    repository: z.string(),
    cpu: z.number().int(),
    memory: z.number().int(),
    port: z.number().int(),
    healthPath: z.string().startsWith("/"),
    desiredCount: z.number().int().min(0),
    autoScaling: z
      .object({ min: z.number().int().min(0), max: z.number().int().min(1) })
      .strict()
      .optional(),
    secrets: z.array(z.enum(SECRET_NAMES)),
    environment: z.record(z.string(), z.string()),
    /** Behind the ALB (api-gateway, web-app). */
    public: z.boolean(),
  })
  .strict()
  .refine((s) => !s.autoScaling || (s.autoScaling.min <= s.desiredCount && s.desiredCount <= s.autoScaling.max), {
    message: "desiredCount must lie within autoScaling.min..max",
  });

/** atlas-services/ecs (phase 2+): Fargate cluster, Cloud Map namespace, one service per app. */
export const atlasEcsInputs = z
  .object({
    cluster: name,
    namespace: z.string().regex(/^[a-z0-9.-]+$/),
    /** Prefix of service names, e.g. "acct-atlas". */
    servicePrefix: name,
    imageTag: z.string(),
    services: z.array(ecsService).min(1),
    autoScaling: z
      .object({ targetCpuPercent: z.number().min(1).max(100), scaleInCooldown: z.number().int(), scaleOutCooldown: z.number().int() })
      .strict()
      .optional(),
    blueGreen: z
      .object({ deploymentConfig: z.string(), terminationWaitMinutes: z.number().int().min(0).max(2880) })
      .strict()
      .optional(),
    xray: z
      .object({ samplingRate: z.number().min(0).max(1) })
      .strict()
      .optional(),
    /**
     * The ADOT collector sidecar of every service: receives X-Ray segments (UDP 2000) and OTLP
     * (4317/4318) and exports traces to X-Ray; with `prometheus`, scrapes the Spring services'
     * /actuator/prometheus and remote-writes to the env's Amazon Managed Service for Prometheus
     * workspace (docs/adr/0101-atlas-metrics-and-traces.md). `null` turns a default collector off.
     */
    collector: z
      .object({
        /** Pinned image (a tag or digest, never "latest"). */
        image: z
          .string()
          .regex(/^[a-z0-9.-]+(\/[a-z0-9._-]+)+(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})$/, "must be a registry/repository image with a pinned tag or digest")
          .refine((i) => !i.endsWith(":latest"), 'must pin a version, not "latest"'),
        /** MiB reserved for the collector out of the task's memory. */
        memoryReservation: z.number().int().min(32).max(512),
        prometheus: z
          .object({ scrapeIntervalSeconds: z.number().int().min(10).max(300) })
          .strict()
          .optional(),
      })
      .strict()
      .nullable()
      .optional(),
    containerInsights: z.boolean(),
    logRetentionDays: retention,
    /** ElastiCache (phase 2+) and OpenSearch (phase 3+) wired into the services. */
    redis: z.boolean(),
    search: z.boolean(),
    /**
     * Phase 4 DR copy (ADR 0106 pilot light): the services stand at zero tasks in the DR region. Their
     * secrets are the DR replicas of the primary's (same names, this region). The database is the one the
     * runbook restores from the replicated backups into this VPC at activation: the services reach it
     * through the replica of the primary's master secret (`host`, `username`, `password`; the failover
     * script writes the restored host into it) and it is admitted by `databaseSecurityGroupName`, a group
     * of this stack the restore attaches. No CodeDeploy and no rotation redeploy (nothing runs in standby).
     * @default none: the primary, with its own database stack
     */
    dr: z
      .object({
        primaryRegion: z.string().min(1),
        databaseSecurityGroupName: z.string().regex(/^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]{1,255}$/),
        /** The database name the restored instance holds (the primary's). */
        databaseName: z.string().regex(/^[a-z][a-z0-9_]*$/),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((e) => !e.dr || !e.blueGreen, {
    path: ["blueGreen"],
    message: "a DR copy (dr is set) has no CodeDeploy blue/green: nothing runs in standby, and the failover script starts rolling services (ADR 0106)",
  })
  .refine((e) => !e.dr || !e.search, {
    path: ["search"],
    message: "a DR copy (dr is set) has no OpenSearch: search-service runs on PostgreSQL FTS until the primary returns (ADR 0106)",
  })
  .refine((e) => !e.dr || e.services.every((s) => s.desiredCount === 0 && (s.autoScaling?.min ?? 0) === 0), {
    path: ["services"],
    message: "a DR copy stands at zero tasks (desiredCount 0, autoScaling.min 0): the failover script starts them (ADR 0106)",
  })
  .refine((e) => !e.xray || (e.collector !== undefined && e.collector !== null), {
    path: ["collector"],
    message: "xray is set but collector is not: the services' X-Ray segments would have no path to X-Ray; set collector (the ADOT sidecar) or drop xray",
  });
export type AtlasEcsInputs = z.infer<typeof atlasEcsInputs>;

/** atlas-edge/cdn (phase 3+ prod): CloudFront for static assets, dynamic requests to the ALB. */
export const atlasCdnInputs = z
  .object({
    name,
    aliases: z.array(z.string()).min(1),
    originDomain: z.string(),
    /** `<bucket>.s3.<region>.amazonaws.com` of the static-assets bucket (a literal: OAC needs to see an S3 origin). */
    assetsBucketDomain: z.string().includes(".s3."),
    /** `<bucket>.s3.amazonaws.com` of the access-log bucket (standard logging). */
    logBucketDomain: z.string().endsWith(".s3.amazonaws.com"),
    /** Requests per IP per 5 minutes at the edge. */
    rateLimitPer5Min: z.number().int().min(10),
    staticPaths: z.array(z.string()).min(1),
    priceClass: z.enum(["PriceClass_100", "PriceClass_200", "PriceClass_All"]),
    logRetentionDays: retention,
    /**
     * Phase 4 prod (ADR 0106): the static paths read from an origin group, the static-assets bucket
     * first and its replica in the DR region when it fails. @default none: the static-assets bucket only
     */
    staticFailover: z
      .object({
        /** The replica's region (the DR region); the cdn stack deploys after the replica bucket there. */
        region: z.string().min(1),
        /** `<bucket>.s3.<region>.amazonaws.com` of the replica (a literal, like assetsBucketDomain). */
        replicaBucketDomain: z.string().includes(".s3."),
        /** Primary answers that send the request to the replica (CloudFront allows 400, 403, 404, 416, 500, 502, 503, 504). */
        statusCodes: z
          .array(z.union([z.literal(400), z.literal(403), z.literal(404), z.literal(416), z.literal(500), z.literal(502), z.literal(503), z.literal(504)]))
          .min(1),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((c) => !c.staticFailover || c.staticFailover.replicaBucketDomain.endsWith(`.s3.${c.staticFailover.region}.amazonaws.com`), {
    path: ["staticFailover", "replicaBucketDomain"],
    error: (iss) => {
      const f = (iss.input as { staticFailover: { region: string; replicaBucketDomain: string } }).staticFailover;
      return `"${f.replicaBucketDomain}" must be the replica bucket's regional name, <bucket>.s3.${f.region}.amazonaws.com (staticFailover.region)`;
    },
  })
  .refine((c) => !c.staticFailover || c.staticFailover.replicaBucketDomain !== c.assetsBucketDomain, {
    path: ["staticFailover", "replicaBucketDomain"],
    error: (iss) =>
      `"${(iss.input as { assetsBucketDomain: string }).assetsBucketDomain}" is the static-assets bucket itself: the replica must be the DR region's copy`,
  });
export type AtlasCdnInputs = z.infer<typeof atlasCdnInputs>;

/** atlas-dns/zone: the public hosted zone (every phase). */
export const atlasZoneInputs = z
  .object({
    /** The env's public zone (never a reserved domain: its certificates validate through it). */
    domain: publicDomain,
    /** Where the zone's delegation comes from (prod: the registrar; staging: prod's zone). */
    delegation: zoneDelegationInput,
    deletionProtection: z.boolean(),
    /** DNSSEC signing (uat/prod: POLICIES.md #69). */
    dnssec: z.boolean(),
    queryLogRetentionDays: retention,
  })
  .strict();
export type AtlasZoneInputs = z.infer<typeof atlasZoneInputs>;

/** atlas-dns/records: the seed's DNS Configuration table of the phase. */
export const atlasRecordsInputs = z
  .object({
    /** The zone's apex, e.g. "accountabilityatlas.com" or "staging.accountabilityatlas.com". */
    zone: z.string(),
    /** Apex A record: EC2 Elastic IP (phase 1), ALB (phase 2), CloudFront (phase 3+ prod); none in staging. */
    apex: z.enum(["host", "alb", "cdn", "none"]),
    /** www CNAME to the apex. */
    www: z.boolean(),
    /** api.<zone> A alias to the ALB (phase 2+). */
    api: z.boolean(),
    /**
     * Phase 4 prod (ADR 0106): api.<zone> as a Route 53 failover pair, PRIMARY the ALB of this region
     * (health-checked over HTTPS through its listener), SECONDARY the DR region's ALB; Route 53 moves the
     * name by itself, no apply. CloudFront's dynamic origin is api.<zone>, so it follows.
     * @default none: a plain alias to this region's ALB
     */
    apiFailover: z
      .object({
        /** The DR region whose atlas-edge/alb answers when the primary fails. */
        drRegion: z.string().min(1),
        /** What the health check requests from the primary ALB; under /api/ so the listener sends it to api-gateway. */
        healthCheckPath: z.string().regex(/^\/api\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/, {
          message: 'must be a path under /api/ (the ALB sends /api/* to api-gateway), e.g. "/api/actuator/health"',
        }),
        /** Consecutive failed checks (30 s apart, from every checker region) before Route 53 fails over. */
        failureThreshold: z.number().int().min(1).max(10),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((r) => !r.apiFailover || r.api, { path: ["apiFailover"], message: "needs api: true (it fails api.<zone> over)" });
export type AtlasRecordsInputs = z.infer<typeof atlasRecordsInputs>;

/** atlas-ops/alerts: the application log group and the alarm topics (warning: email; critical: + SMS). */
export const atlasAlertsInputs = z
  .object({
    name,
    logGroupName: z.string().startsWith("/"),
    logRetentionDays: retention,
    emails: z.array(z.email()),
    smsNumbers: z.array(e164),
    /** How the account's SNS delivers SMS (a fresh-account prerequisite when numbers are listed). */
    smsDelivery,
  })
  .strict();
export type AtlasAlertsInputs = z.infer<typeof atlasAlertsInputs>;

/** atlas-ops/monitoring: the phase's alarm table and dashboards. */
export const atlasMonitoringInputs = z
  .object({
    name,
    alarms: z.enum(["phase1", "full", "full-sms"]),
    compute: z.enum(["docker-host", "ecs"]),
    dashboards: z.array(z.enum(["overview", "database", "search"])),
    search: z.boolean(),
    /** "Low Healthy Hosts" threshold: 2 (seed phase 3+), 1 while services run one task (phase 2). */
    minHealthyHosts: z.number().int().min(1),
    /** Max connections of the instance class (for "> 80% max"). */
    rdsMaxConnections: z.number().int().positive(),
    metricsNamespace: z.string(),
    /** Phase 4 (ADR 0106): alarms on the DR readiness probe's metrics. @default none */
    drReadiness: z
      .object({ env: z.string().min(1), region: z.string().min(1), rpoSeconds: z.number().int().min(300).max(86400) })
      .strict()
      .optional(),
  })
  .strict();
export type AtlasMonitoringInputs = z.infer<typeof atlasMonitoringInputs>;

/**
 * atlas-security/app-deploy: the role the application repositories' GitHub Actions assume to push
 * images and deploy them in this env (docs/ci-access.md "Application deploy roles"). It trusts the
 * account's GitHub OIDC provider (owned by security/ci-access) and may touch exactly the env's
 * repositories, services and task roles.
 */
export const atlasAppDeployInputs = z
  .object({
    /** IAM role name, e.g. "acct-atlas-prod-app-deploy". */
    roleName: z
      .string()
      .max(64)
      .regex(/^[\w+=,.@-]+$/, { message: "must be an IAM role name (letters, digits, +=,.@_-)" }),
    /** Who may assume it: `repo:<repository>:<subject>` for each pair. */
    trust: z
      .array(
        z
          .object({
            repository: z.string().regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, { message: 'must be "<org>/<repo>" as GitHub spells it' }),
            subjects: z.array(appDeploySubject).min(1),
          })
          .strict(),
      )
      .min(1),
    /** The role may only be trusted through gated GitHub Environments (protected envs: no branch or tag refs). */
    environmentsOnly: z.boolean(),
    /** ECR repositories it pushes to (names in this account and region). */
    repositories: z.array(z.string().regex(/^[a-z0-9][a-z0-9._/-]*$/)).min(1),
    /**
     * How images are deployed: `ssh` (phase 1: the workflow deploys to the Docker host over SSH, so the
     * role only pushes), `ecs` (phase 2+: register task definitions, update the services or, for the
     * services under blue/green, create CodeDeploy deployments).
     */
    deploy: z.enum(["ssh", "ecs"]),
    /** Longest session, in hours (a build + push + deploy of eight images). */
    maxSessionHours: z.number().int().min(1).max(12),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.environmentsOnly) return;
    v.trust.forEach((t, i) =>
      t.subjects.forEach((s, j) => {
        if (!s.startsWith("environment:")) {
          ctx.addIssue({
            code: "custom",
            path: ["trust", i, "subjects", j],
            message: `a protected env's deploy role trusts only GitHub Environments ("environment:<env>", gated by required reviewers); any push to a branch or tag would otherwise deploy`,
          });
        }
      }),
    );
  });
export type AtlasAppDeployInputs = z.infer<typeof atlasAppDeployInputs>;
