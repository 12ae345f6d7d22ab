import { publicDomain } from "@infra/config";
import { z } from "zod";
import { githubRepository } from "./ci-access";
import { hecEndpoint } from "./log-shipping";

/** The platform workload's own config (env.ts `workloads.platform`). */
export const platformConfig = z
  .object({
    /**
     * Public DNS zone of the platform in this env, e.g. "dev.acme-platform.com". Its certificates are
     * validated through DNS (HTTPS-only in uat/prod, seed 004), so never a reserved domain (example.com).
     */
    domain: publicDomain,
    /** The registered apex the env zones sit under (prod's zone, delegated at the registrar). */
    apexDomain: publicDomain,
    /** The GitHub repository (`org/repo`) whose workflows plan and apply this env (security/ci-access). */
    githubRepository,
    /**
     * Who receives the platform's alarms (email subscriptions of its alert topic, besides the env's
     * `settings.alarmEmails`). Each address must confirm: until then AWS keeps the subscription pending.
     */
    alarmEmails: z.array(z.email()),
    /**
     * Splunk, where prod ships the platform's logs (seed 004 "CloudWatch + Splunk"): the HTTP Event Collector
     * URL. The HEC token is no config: it is put into the stack's secret (docs/fresh-account.md).
     * @default none (envs without ops/log-shipping)
     */
    splunk: z.object({ hecEndpoint }).strict().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.domain !== v.apexDomain && !v.domain.endsWith(`.${v.apexDomain}`)) {
      ctx.addIssue({ code: "custom", path: ["domain"], message: `must be the apex ${v.apexDomain} or a name under it (e.g. dev.${v.apexDomain})` });
    }
  });
export type PlatformConfig = z.infer<typeof platformConfig>;
