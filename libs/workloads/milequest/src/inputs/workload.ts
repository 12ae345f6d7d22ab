import { z } from "zod";
import { countryCode, domainName, email } from "./common";

/** Amplify stages a branch may be (the Amplify API's names). */
export const branchStage = z.enum(["PRODUCTION", "BETA", "DEVELOPMENT", "EXPERIMENTAL"]);

/** Mile Quest's own config (env.ts `workloads.milequest`): what differs between staging and prod. */
export const milequestConfig = z
  .object({
    /** The env's public zone: prod "mile-quest.com", staging "staging.mile-quest.com". */
    domain: domainName,
    /** The GitHub monorepo Amplify builds from (seed 003: "GitHub Monorepo"). */
    repository: z.string().regex(/^https:\/\/github\.com\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, { message: "must be a https://github.com/<owner>/<repo> URL" }),
    /** Git branch this env's Amplify apps build (seed 003: main → production, staging → staging). */
    gitBranch: z.string().min(1),
    branchStage,
    /** Amplify preview deployments for pull requests (seed 003: "PR Previews"). */
    pullRequestPreviews: z.boolean(),
    /** Countries the WAF blocks (seed 003 "Geo Blocking"); empty by default: no geo rule. */
    geoBlockCountries: z.array(countryCode),
    /** Per-IP request limit per 5 minutes (seed 003 "Rate Limiting"). */
    rateLimitPer5Min: z.number().int().min(100).max(2_000_000_000),
    /** Version folder of the Lambda artifacts CI uploaded: s3://<artifact bucket>/milequest/<version>/<function>.zip. */
    artifactVersion: z.string().regex(/^[A-Za-z0-9._-]+$/, { message: "must be a version like 1.4.0 or a git sha" }),
    /** Who receives alarms (SNS email subscriptions), besides the env's settings.alarmEmails. */
    alertEmails: z.array(email).min(1, { message: "at least one address must receive Mile Quest alarms" }),
  })
  .strict();
export type MilequestConfig = z.infer<typeof milequestConfig>;
