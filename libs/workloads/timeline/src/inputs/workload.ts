import { publicDomain } from "@infra/config";
import { z } from "zod";
import { dnsName } from "./common";

/**
 * The timeline workload's own config (env.ts `workloads.timeline`): who hears alarms and budget
 * alerts, the monthly budget, and the private DNS domain the application resolves its data
 * endpoints under (`<env>.<internalDomain>`; the failover procedure re-points it).
 */
export const timelineConfig = z
  .object({
    /**
     * Public DNS zone of the env's API (seed 002 names no domain): timeline-dns/zone creates it,
     * the API is "api.<publicDomain>" with an ACM certificate validated in it.
     */
    publicDomain,
    /** Private Route 53 zone suffix: the zone is "<env>.<internalDomain>". */
    internalDomain: dnsName,
    /** Email subscriptions of the alert topic (alarms, RDS events). */
    alarmEmails: z.array(z.email()),
    /** Seed 002 cost optimization: "Cost monitoring and budgets". */
    budget: z
      .object({
        /** Monthly cost budget of the workload (Project tag) in USD. */
        monthlyLimitUsd: z.number().positive().max(1_000_000),
        /** Who is told at 80 % / 100 % actual and 100 % forecasted (AWS allows 1-10). */
        emails: z.array(z.email()).min(1).max(10),
      })
      .strict(),
  })
  .strict();
export type TimelineConfig = z.infer<typeof timelineConfig>;
