import { type AccountConfig, defaultHumanAccess, foundationInputs, humanAccessIssues } from "@infra/account-inputs";
import { defineModule } from "@infra/config";

/**
 * account/foundation: service-linked roles and account/region singletons (API Gateway's CloudWatch
 * role setting), the account's CloudTrail trail and the roles people assume, one owner per
 * account, deployed before every other stack of the env (docs/adr/0004-account-foundation-and-
 * key-usage.md, docs/adr/0065-account-audit-trail-and-human-roles.md). The service-linked roles
 * and API Gateway settings are derived from the env's other stacks at synth; the rest is config.
 */
export const foundation = defineModule<typeof foundationInputs, AccountConfig>({
  workload: "account",
  category: "account",
  module: "foundation",
  builder: "account/foundation",
  schema: foundationInputs,
  foundation: true,
  defaults: ({ project, env, workload }) => {
    const access = defaultHumanAccess(env.name);
    return {
      existingServiceLinkedRoles: [...workload.existingServiceLinkedRoles],
      apiGatewayCloudWatchRoleName: `${env.name}-apigateway-cloudwatch`,
      // Seed 004 "Logging Strategy": CloudTrail, S3 + CloudWatch, 1 year. The state bucket's data
      // events are always recorded (the builder adds root.ts's state bucket); list others here.
      auditTrail: {
        name: `${env.name}-audit`,
        bucketName: `${project}-${env.name}-cloudtrail-${env.accountId}`,
        retentionDays: 365,
        lockMode: "COMPLIANCE",
        dataEventBuckets: [],
      },
      // Set where a stack subscribes a phone number (e.g. AccountabilityAtlas's critical alarms, phase 3+).
      sms: { defaultSmsType: "Transactional", monthlySpendLimitUsd: workload.smsMonthlySpendLimitUsd },
      // Replicated to each region where a stack creates a repository of the same name (e.g. AccountabilityAtlas's DR, ADR 0106).
      ecrReplication: { repositoryPrefixes: [...workload.ecrReplicationPrefixes] },
      // Seed 004 IAM "User Roles", MFA required for all three (ADR 0065).
      humanAccess: {
        identityAccountId: workload.identityAccountId,
        mfaMaxAgeSeconds: 3600,
        maxSessionSeconds: 3600,
        roles: {
          developer: { name: `${env.name}-developer`, access: access.developer },
          devops: { name: `${env.name}-devops`, access: access.devops },
          admin: { name: `${env.name}-admin`, access: access.admin },
        },
      },
    };
  },
  check: (self) => humanAccessIssues(self.env, self.inputs.humanAccess),
});
