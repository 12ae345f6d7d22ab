import { s3Inputs } from "@infra/milequest-inputs";
import { type Ctx, bucketPrefix, milequestModule } from "../common";
import { kms } from "../security/kms";

/** Seed 003 "S3: User Data" and "S3 Data Lake" (+ their access logs). Prod primary replicates to us-west-2. */
export const s3 = milequestModule("data/s3", {
  schema: s3Inputs,
  dependencies: { kms },
  defaults: (ctx: Ctx) => ({
    name: bucketPrefix(ctx),
    deletionProtection: ctx.settings.deletionProtection,
    userDataIaDays: 90,
    dataLakeGlacierDays: 180,
    accessLogExpirationDays: 90,
    replicateToDr: false,
  }),
});
