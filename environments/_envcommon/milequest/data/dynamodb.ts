import { dynamodbInputs } from "@infra/milequest-inputs";
import { type Ctx, regionalName, milequestModule } from "../common";
import { kms } from "../security/kms";

/** Seed 003 "DynamoDB Sessions & Real-time". Prod adds a us-west-2 replica (global tables) for the DR standby. */
export const dynamodb = milequestModule("data/dynamodb", {
  schema: dynamodbInputs,
  dependencies: { kms },
  defaults: (ctx: Ctx) => ({
    name: regionalName(ctx),
    deletionProtection: ctx.settings.deletionProtection,
    pointInTimeRecoveryDays: 35,
    replicaRegions: [],
  }),
});
