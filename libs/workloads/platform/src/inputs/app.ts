import { logRetentionDays } from "@infra/config";
import { z } from "zod";

/** A CloudWatch Logs group name: 1-512 of letters, digits, _ . / # - (seed 004's "/app/application"). */
const logGroupName = z.string().regex(/^[A-Za-z0-9_./#-]{1,512}$/, { message: "must be a CloudWatch Logs group name: 1-512 of letters, digits, _ . / # -" });

/**
 * Inputs of services/app: the platform's application service on the ECS cluster behind the ingress ALB,
 * scaled on CPU (seed 004 "Scaling Architecture", ADR 0095).
 */
export const appInputs = z
  .object({
    /** The platform's name prefix (`<env>-<region>-platform`): the service is `<name>-app`, its target group too (<= 32 characters). */
    name: z.string().regex(/^[a-z0-9-]{1,28}$/, { message: "must be 1-28 lowercase letters, digits or hyphens (the target group <name>-app has at most 32)" }),
    /**
     * The image: the ECR repository `<name>-app` this stack creates, at this tag. The release pushes it
     * (a fresh-account prerequisite until then); immutable tags, so a tag names one image forever.
     */
    imageTag: z
      .string()
      .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, { message: "must be an image tag: 1-128 of letters, digits, _ . - (not starting with . or -)" })
      .refine((t) => t !== "latest", { message: 'must name one release (e.g. "1.0.0"), never "latest"' }),
    /** Port the container listens on; the host port is dynamic (bridge network mode, the range the ingress opens). */
    containerPort: z.number().int().min(1).max(65535),
    /** Path the target group probes, and prod's Route 53 health check through the ALB (must answer 200). */
    healthCheckPath: z.string().regex(/^\/[A-Za-z0-9_./-]*$/, { message: 'must be a URL path starting with "/", e.g. "/health"' }),
    /** CPU units the task reserves on an instance (1024 = one vCPU). */
    cpu: z.number().int().min(128).max(10240),
    /** Memory (MiB) the task reserves on an instance (soft limit) and may use at most (hard limit). */
    memoryReservationMiB: z.number().int().min(64),
    memoryLimitMiB: z.number().int().min(64),
    /** Priority of the HTTPS listener rule that forwards every path to the service (1-50000, unique on the listener). */
    listenerRulePriority: z.number().int().min(1).max(50000),
    /** Seed 004 scaling: tasks between min and max, target tracking on the service's average CPU. */
    scaling: z
      .object({
        minTasks: z.number().int().min(0).max(100),
        maxTasks: z.number().int().min(1).max(100),
        /** ECSServiceAverageCPUUtilization target (seed 004: 70 %). */
        targetCpuPercent: z.number().int().min(10).max(95),
        /** Seconds after a scale-out before the next (seed 004 "+1 instance (5 min)": 300). */
        scaleOutCooldownSeconds: z.number().int().min(0).max(3600),
        /** Seconds after a scale-in before the next (seed 004 "-1 instance (15 min)": 900). */
        scaleInCooldownSeconds: z.number().int().min(0).max(3600),
      })
      .strict()
      .refine((s) => s.minTasks <= s.maxTasks, { path: ["minTasks"], message: "must be <= scaling.maxTasks" }),
    /** Seed 004's application log group, with the env's log retention and the logs key. */
    logGroupName,
    logRetentionDays,
    /** Keep the image repository (and its images) on destroy. */
    deletionProtection: z.boolean(),
  })
  .strict()
  .refine((v) => v.memoryReservationMiB <= v.memoryLimitMiB, { path: ["memoryReservationMiB"], message: "must be <= memoryLimitMiB" });
export type AppInputs = z.infer<typeof appInputs>;
