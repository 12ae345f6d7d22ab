import { secretsInputs } from "@infra/milequest-inputs";
import { type Ctx, milequestModule } from "../common";
import { kms } from "./kms";

/** Seed 003 "Secrets Manager": Fitbit, Google Fit, Mapbox credentials and the Amplify GitHub token. Values are set out of band. */
export const secrets = milequestModule("security/secrets", {
  schema: secretsInputs,
  dependencies: { kms },
  defaults: (ctx: Ctx) => ({
    prefix: `milequest/${ctx.env.name}`,
    recoveryWindowDays: ctx.settings.deletionProtection ? 30 : 7,
    deletionProtection: ctx.settings.deletionProtection,
    replicaRegions: [],
    auroraMasterPassword: false,
  }),
});
