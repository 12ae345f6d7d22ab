import { allowedFargateMemory } from "@infra/ecs-service/task-size";
import { publicDomain, zoneDelegationInput } from "@infra/config";
import { z } from "zod";
import { namePrefix, port, retentionDays } from "./common";

/**
 * Inputs of timeline-dns/zone: the public hosted zone of the env's timeline domain (seed 002 names
 * none; the name is config, `workloads.timeline.publicDomain`). The API's certificate is validated in
 * it and `api.<domain>` points at the load balancer. Delegate it from the parent domain (NS records).
 */
export const timelineZoneInputs = z
  .object({
    /** The env's public zone (never a reserved domain: the API's certificate validates through it). */
    domain: publicDomain,
    /** Where the zone's delegation comes from (prod: the registrar; dev/staging: prod's zone, another account). */
    delegation: zoneDelegationInput,
    deletionProtection: z.boolean(),
  })
  .strict();
export type TimelineZoneInputs = z.infer<typeof timelineZoneInputs>;

/**
 * Inputs of timeline-compute/ecr: the API's container registry (seed 002 "Container Registry: ECR
 * for Docker images"), one repository per region (the DR region pulls from its own).
 */
export const timelineEcrInputs = z
  .object({
    /** Repository name, e.g. "prod-timeline-api". */
    repositoryName: z
      .string()
      .regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/, { message: "must be an ECR repository name: lower-case letters, digits, '.', '_' or '-'" })
      .max(256),
    /** A tag names one image forever: what a deployment records is what runs. No MUTABLE option. */
    imageTagMutability: z.literal("IMMUTABLE", { message: 'must be "IMMUTABLE": a tag must name one image forever (POLICIES.md, INF-ECR-*)' }),
    scanOnPush: z.literal(true, { message: "must be true: every pushed image is scanned for CVEs" }),
    /** Untagged images (layers of superseded builds) expire after this many days. */
    expireUntaggedDays: z.number().int().min(1).max(365),
    /** Tagged images kept (older ones expire): enough to roll back. */
    keepLastTagged: z.number().int().min(5).max(1000),
    deletionProtection: z.boolean(),
  })
  .strict();
export type TimelineEcrInputs = z.infer<typeof timelineEcrInputs>;

/** Target tracking on the service's average CPU and memory (seed 002: "Autoscaling: Based on CPU/memory metrics"). */
const autoScaling = z
  .object({
    /** Tasks never fewer (0 in a standby DR region: the failover script raises it). */
    min: z.number().int().min(0).max(1000),
    max: z.number().int().min(1).max(1000),
    targetCpuPercent: z.number().min(10).max(95),
    targetMemoryPercent: z.number().min(10).max(95),
    /** Seconds after a scale-in before the next one. */
    scaleInCooldownSeconds: z.number().int().min(0).max(3600),
    /** Seconds after a scale-out before the next one. */
    scaleOutCooldownSeconds: z.number().int().min(0).max(3600),
  })
  .strict();

const FARGATE_CPU = [256, 512, 1024, 2048, 4096, 8192, 16384] as const;

/**
 * Inputs of timeline-compute/app: seed 002's API servers. ECS Fargate behind an internet-facing ALB
 * (HTTPS with an ACM certificate for `<recordName>.<domain>`, HTTP redirected, WAF, access logs),
 * autoscaling on CPU and memory, the RDS secret injected as ECS secrets, least-privilege access to
 * the cache and the buckets, an X-Ray daemon sidecar, logs to the central application log group.
 */
export const timelineAppInputs = z
  .object({
    /** "<env>-<region>-timeline": cluster; the service and the load balancer are "<name>-api". */
    name: namePrefix.max(28, { message: 'must be at most 28 characters: the load balancer "<name>-api" may have 32' }),
    /** Primary region: the full service. Standby (DR): zero tasks until the failover script scales it. */
    role: z.enum(["active", "standby"]),
    /** DNS label under the public zone: "<recordName>.<domain>" (DR: "<recordName>-<region>.<domain>"). */
    recordName: z.string().regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, { message: 'must be one DNS label like "api"' }),
    /** Image tag in the region's repository, set by the release (immutable tags: never "latest"). */
    imageTag: z
      .string()
      .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, { message: "must be a Docker tag" })
      .refine((t) => t !== "latest", { message: 'must not be "latest": the repository has immutable tags, deployments name a release' }),
    /** Container port; must equal the network's app port (its ACLs and security groups open it). */
    port,
    /** Path the load balancer and the container health check probe. */
    healthPath: z.string().regex(/^\/[\x21-\x7e]*$/, { message: 'must be an absolute URL path like "/health"' }),
    /** Task CPU units (Fargate sizes). */
    cpu: z.number().refine((c) => (FARGATE_CPU as readonly number[]).includes(c), { message: `must be a Fargate CPU size: one of ${FARGATE_CPU.join(", ")}` }),
    /** Task memory MiB, valid for the CPU size. */
    memory: z.number().int().min(512),
    cpuArchitecture: z.enum(["X86_64", "ARM64"]),
    /** Tasks at creation; autoscaling owns the count afterwards. */
    desiredCount: z.number().int().min(0).max(1000),
    autoScaling,
    /** The X-Ray daemon sidecar (seed 002 "Application Performance Monitoring: X-Ray tracing"). */
    xray: z
      .object({
        /** Daemon image with a pinned version. */
        daemonImage: z.string().regex(/^[a-z0-9.-]+(\/[a-z0-9._-]+)+:[0-9][A-Za-z0-9._-]*$/, {
          message: 'must be an image with a pinned version, like "public.ecr.aws/xray/aws-xray-daemon:3.3.14"',
        }),
        /** MiB reserved for the daemon. */
        memoryReservation: z.number().int().min(16).max(512),
      })
      .strict(),
    /** Regional WAF in front of the load balancer: per-IP requests per 5 minutes before blocking. */
    rateLimitPer5Min: z.number().int().min(10).max(2_000_000_000),
    wafLogRetentionDays: retentionDays,
    /** Alarms to the workload's alert topic: target 5xx per minute, and any unhealthy target. */
    alarms: z.object({ target5xxPerMinute: z.number().int().min(1) }).strict(),
    /** The load balancer's deletion protection (prod). */
    deletionProtection: z.boolean(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const allowed = allowedFargateMemory(v.cpu);
    if (allowed.length > 0 && !allowed.includes(v.memory)) {
      ctx.addIssue({
        code: "custom",
        path: ["memory"],
        message: `${v.memory} MiB is not a Fargate size for cpu ${v.cpu}; allowed: ${allowed[0]}-${allowed[allowed.length - 1]} (${allowed.length} values)`,
      });
    }
    if (v.xray.memoryReservation >= v.memory / 2) {
      ctx.addIssue({
        code: "custom",
        path: ["xray", "memoryReservation"],
        message: `${v.xray.memoryReservation} MiB leaves too little of the task's ${v.memory} MiB to the application; reserve less than half`,
      });
    }
    const s = v.autoScaling;
    if (s.min > s.max) ctx.addIssue({ code: "custom", path: ["autoScaling", "min"], message: `min ${s.min} is above max ${s.max}` });
    if (v.desiredCount < s.min || v.desiredCount > s.max) {
      ctx.addIssue({ code: "custom", path: ["desiredCount"], message: `${v.desiredCount} is outside autoScaling min ${s.min} .. max ${s.max}` });
    }
    if (v.role === "active" && s.min < 2) {
      ctx.addIssue({
        code: "custom",
        path: ["autoScaling", "min"],
        message: `an active region keeps at least 2 tasks (one per AZ, seed 002 "minimum 2 AZs for high availability"); got ${s.min}`,
      });
    }
    if (v.role === "standby" && (s.min !== 0 || v.desiredCount !== 0)) {
      ctx.addIssue({
        code: "custom",
        path: ["autoScaling", "min"],
        message: "a standby (DR) region runs no tasks until failover: autoScaling.min and desiredCount must be 0",
      });
    }
  });
export type TimelineAppInputs = z.infer<typeof timelineAppInputs>;
