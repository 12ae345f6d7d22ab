import { LOG_RETENTION_DAYS } from "@infra/config";
import { z } from "zod";

/** Inputs of services/ecs-cluster: seed 004's ECS table and Scaling section. */
export const ecsInputs = z
  .object({
    name: z.string().min(1),
    instanceType: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, { message: 'must be an EC2 instance type like "t3.micro"' }),
    minInstances: z.number().int().min(0).max(100),
    maxInstances: z.number().int().min(1).max(100),
    /** Managed scaling target: reserved capacity percent (seed 004: 70 %). */
    targetCapacityPercent: z.number().int().min(1).max(100),
    containerInsights: z.boolean(),
    placement: z.enum(["any", "spread"]),
    /**
     * Log group of the instances' own logs, shipped by the CloudWatch agent that also publishes their
     * disk use (seed 004 "/aws/ec2/system", "Disk (EC2)").
     */
    systemLogGroupName: z.string().regex(/^[A-Za-z0-9_./#-]{1,512}$/, { message: "must be a CloudWatch Logs group name: 1-512 of letters, digits, _ . / # -" }),
    logRetentionDays: z.number().refine((v) => (LOG_RETENTION_DAYS as readonly number[]).includes(v), {
      message: `must be a CloudWatch Logs retention value: one of ${LOG_RETENTION_DAYS.join(", ")}`,
    }),
  })
  .strict()
  .refine((v) => v.minInstances <= v.maxInstances, { path: ["minInstances"], message: "must be <= maxInstances" });
export type EcsInputs = z.infer<typeof ecsInputs>;
