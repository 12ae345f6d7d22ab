import { type AccountConfig, foundationInputs } from "@infra/account-inputs";
import { defineModule } from "@infra/config";

/**
 * account/foundation: service-linked roles and account/region singletons (API Gateway's CloudWatch
 * role setting), one owner per account, deployed before every other stack of the env (docs/adr/
 * 0004-account-foundation-and-key-usage.md). What it contains is derived from the env's other
 * stacks at synth; only facts about the account (roles it already has) are config.
 */
export const foundation = defineModule<typeof foundationInputs, AccountConfig>({
  workload: "account",
  category: "account",
  module: "foundation",
  builder: "account/foundation",
  schema: foundationInputs,
  foundation: true,
  source: "environments/_envcommon/account/foundation.ts",
  defaults: ({ env, workload }) => ({
    existingServiceLinkedRoles: [...workload.existingServiceLinkedRoles],
    apiGatewayCloudWatchRoleName: `${env.name}-apigateway-cloudwatch`,
  }),
});
