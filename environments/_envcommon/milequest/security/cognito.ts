import { cognitoInputs } from "@infra/milequest-inputs";
import { type Ctx, milequestModule } from "../common";
import { s3 } from "../data/s3";
import { kms } from "./kms";

/** Seed 003 "Cognito User Pools" (one per env, in the primary region). */
export const cognito = milequestModule("security/cognito", {
  schema: cognitoInputs,
  dependencies: { kms, s3 },
  defaults: (ctx: Ctx) => ({
    name: `${ctx.env.name}-milequest`,
    // Secure default; relaxing to OPTIONAL needs a waiver of INF-COG-002 with the product's reason.
    mfa: "ON" as const,
    passwordMinLength: 12,
    accessTokenMinutes: 60,
    refreshTokenDays: 30,
    deletionProtection: ctx.settings.deletionProtection,
    callbackDomains: [ctx.workload.domain, `admin.${ctx.workload.domain}`],
  }),
});
