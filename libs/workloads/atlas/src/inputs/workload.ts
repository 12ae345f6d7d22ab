import { parseCidr } from "@infra/config";
import { z } from "zod";
import { PHASES } from "./phase";

const cidr = z.string().superRefine((v, ctx) => {
  const parsed = parseCidr(v);
  if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
  else if (parsed.prefix === 0) ctx.addIssue({ code: "custom", message: "must not be the whole internet: SSH is open only to the admin network" });
});

/** The AccountabilityAtlas workload's own config (`workloads.atlas` in env.ts; defaults in _envcommon/atlas/workload.ts). */
export const atlasConfig = z
  .object({
    /**
     * Seed 001 "Current Phase". 1 Launch (EC2 + Docker Compose), 2 Growth (ECS Fargate + ALB),
     * 3 Scale (staging env, OpenSearch, WAF, Multi-AZ), 4 Full Prod (auto-scaling, DR, blue/green).
     */
    phase: z.union(PHASES.map((p) => z.literal(p)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>], {
      error: `must be a phase number: ${PHASES.join(" | ")}`,
    }),
    /** Apex domain of the public zone. */
    domain: z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, { message: "must be a DNS name like accountabilityatlas.com" }),
    /** Seed "SSH: Admin IP": the only CIDRs port 22 of the phase-1 host is open from. */
    adminCidrs: z.array(cidr).min(1, { message: "needs the admin network's CIDR (SSH is open only from it)" }),
    /** Image tag the task definitions start from (CI deploys later tags; ECR tags are immutable). */
    imageTag: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, { message: "must be a Docker image tag" }),
    /** Alarm emails (seed: "Email notification"). */
    alarmEmails: z.array(z.email()),
    /** Phase 3+: critical alarms also go by SMS (E.164 numbers). */
    criticalAlarmSms: z.array(z.string().regex(/^\+[1-9]\d{6,14}$/, { message: "must be an E.164 phone number like +15555550100" })),
    /** Phase 4 DR region (seed: us-west-2). */
    drRegion: z.string().min(1),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.phase >= 3 && v.criticalAlarmSms.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["criticalAlarmSms"],
        message: `phase ${v.phase} sends critical alarms by SMS + email (seed "Alerting" row): list at least one on-call number`,
      });
    }
  });
export type AtlasConfig = z.infer<typeof atlasConfig>;
