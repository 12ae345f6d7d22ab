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
  // A fresh account has none; list the ones an older account already has (env.ts).
  defaults: { existingServiceLinkedRoles: [] },
  source: "environments/_envcommon/account/workload.ts",
});
