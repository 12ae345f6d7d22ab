import { deployInputs } from "@infra/milequest-inputs";
import { restApi } from "../api/rest";
import { websocket } from "../api/websocket";
import { type Ctx, regionalName, milequestModule } from "../common";
import { kms } from "../security/kms";
import { monitoring } from "./monitoring";

/**
 * Seed 003 "Deployment Architecture": the ECR repository of Lambda container images ("Package")
 * and CodeDeploy traffic shifting on the API functions' aliases ("Canary Deploy"), rolled back by
 * the functions' error alarms. Prod shifts 10 % for 5 minutes (the seed draws a canary but gives no
 * numbers); staging overrides to all at once (the seed's staging path has no canary).
 */
export const deploy = milequestModule("ops/deploy", {
  schema: deployInputs,
  dependencies: {
    kms,
    rest: restApi,
    websocket,
    monitoring,
  },
  defaults: (ctx: Ctx) => ({
    name: regionalName(ctx),
    deploymentConfig: "CodeDeployDefault.LambdaCanary10Percent5Minutes" as const,
    // Untagged images are pushed-over builds; 30 tagged releases cover every version a rollback returns to.
    repository: { expireUntaggedDays: 7, keepLastTagged: 30 },
    deletionProtection: ctx.settings.deletionProtection,
  }),
});
