import { adminCidr } from "@infra/config";
import { githubRepository } from "@infra/platform-inputs";
import { z } from "zod";
import { PHASES } from "./phase";

/** An E.164 phone number (what SNS SMS accepts). */
export const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, { message: "must be an E.164 phone number like +15555550100" });

/**
 * How SNS may deliver the critical alarms' SMS in the env's account (docs/fresh-account.md). A new
 * account is in the SNS SMS sandbox: it only delivers to numbers verified in it, and its monthly
 * SMS spend limit is 1 USD. Which state the account is in is not something a stack can change, so
 * it is config, and `infra preflight` lists (and `--check` verifies) what it takes.
 */
export const smsDelivery = z.discriminatedUnion("mode", [
  /** The account stays in the SMS sandbox: each number must be verified there (a one-time code per number). */
  z.object({ mode: z.literal("sandbox") }).strict(),
  /**
   * The account has SMS production access (a support case), with an origination identity for the
   * destination countries (US numbers need a registered toll-free or 10DLC number). The account's
   * SMS type and spend limit are account settings: account/foundation owns them.
   */
  z
    .object({
      mode: z.literal("production"),
      /** The registered origination number (toll-free or 10DLC) the alarms are sent from. @default none: SNS picks one of the account's */
      originationNumber: e164.optional(),
    })
    .strict(),
]);
export type SmsDelivery = z.infer<typeof smsDelivery>;

/** `sub` claims, after `repo:<org>/<repo>:`, an application deploy role may trust: a GitHub Environment or a branch/tag ref. */
export const appDeploySubject = z.string().regex(/^(environment:[\w.-]+|ref:refs\/(heads|tags)\/[\w.*/-]+)$/, {
  message:
    'must be "environment:<name>" or "ref:refs/heads/<branch>" / "ref:refs/tags/<tag>" (never "pull_request": a PR\'s code must not push images or deploy)',
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
    adminCidrs: z.array(adminCidr).min(1, { message: "needs the admin network's CIDR (SSH is open only from it)" }),
    /** Image tag the task definitions start from (CI deploys later tags; ECR tags are immutable). */
    imageTag: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, { message: "must be a Docker image tag" }),
    /** Alarm emails (seed: "Email notification"). */
    alarmEmails: z.array(z.email()),
    /** Phase 3+: critical alarms also go by SMS (E.164 numbers). */
    criticalAlarmSms: z.array(e164),
    /** Whether the account's SNS SMS is sandboxed (verified numbers only) or has production access. */
    smsDelivery,
    /**
     * The application repositories whose GitHub Actions push images to the env's ECR repositories and
     * deploy them (seed: the top-level repo's deploy workflow). Each env's app deploy role trusts
     * `repo:<repository>:<subject>` for each subject (default `environment:<env>`, a gated GitHub Environment).
     */
    appRepositories: z
      .array(githubRepository)
      .min(1, { message: "needs the application repository whose deploy workflow pushes images (seed: the top-level repo)" })
      .refine((xs) => new Set(xs).size === xs.length, { message: "must not repeat a repository" }),
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
