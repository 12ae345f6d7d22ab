import { defineWorkload } from "@infra/config";
import { accountConfig } from "@infra/account-inputs";

/**
 * The env's AWS account itself (one env per account, checked by validateEnvSet): what must exist
 * before any workload deploys. An env enables it with `workloads: { account: {...} }` and deploys
 * `account/foundation` in its primary region (environments/<env>/<primary>/account.ts).
 */
export const account = defineWorkload({
  name: "account",
  project: "acme-infra",
  schema: accountConfig,
  defaults: {
    // A fresh account has none; list the ones an older account already has (env.ts).
    existingServiceLinkedRoles: [],
    // The organization's identity account (placeholder id), where people sign in and from which they
    // assume each env account's human roles with MFA. One for every env; an env may override it.
    identityAccountId: "555555555555",
    // A new account's SNS SMS spend limit; raise it only after AWS approved more (a support case).
    smsMonthlySpendLimitUsd: 1,
    // Repositories whose images reach a workload's DR region (account/foundation's ECR replication).
    ecrReplicationPrefixes: [],
  },
});
