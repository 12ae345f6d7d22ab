import { timestreamInputs } from "@infra/aerologue-inputs";
import { prefix } from "../names";
import { kms } from "../security/kms";
import { aerologueModule } from "../workload";

/**
 * ARC-005 time series: flight positions kept 7 days (magnetic) with the last hour hot (memory). A
 * DynamoDB table by default (Timestream for LiveAnalytics takes no new customers since 2025-06-20;
 * docs/adr/0012-time-series-store.md); an existing LiveAnalytics customer sets
 * `store: { kind: "timestream-liveanalytics", existingCustomer: true }`.
 */
export const timestream = aerologueModule("data/timestream", {
  schema: timestreamInputs,
  dependencies: { kms },
  defaults: (ctx) => ({
    store: { kind: "dynamodb" as const },
    databaseName: `${prefix(ctx)}-flights`,
    tableName: "flight_positions",
    memoryRetentionHours: 1,
    magneticRetentionDays: 7,
    dimensions: ["aircraft_id", "callsign", "registration"],
    measures: ["latitude", "longitude", "altitude_ft", "ground_speed_kts", "heading_deg", "vertical_rate", "on_ground"],
    deletionProtection: ctx.settings.deletionProtection,
  }),
});
