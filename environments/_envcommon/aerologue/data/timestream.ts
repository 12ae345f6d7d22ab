import { defineModule } from "@infra/config";
import { type AerologueConfig, timestreamInputs } from "@infra/aerologue-inputs";
import { prefix } from "../names";

/** ARC-005 Timestream: aerologue-flights / flight_positions, memory 1 h, magnetic 7 days. */
export const timestream = defineModule<typeof timestreamInputs, AerologueConfig>({
  workload: "aerologue",
  category: "aerologue-data",
  module: "timestream",
  builder: "aerologue/timestream",
  schema: timestreamInputs,
  source: "environments/_envcommon/aerologue/data/timestream.ts",
  dependencies: { kms: { category: "aerologue-security", module: "kms" } },
  defaults: (ctx) => ({
    databaseName: `${prefix(ctx)}-flights`,
    tableName: "flight_positions",
    memoryRetentionHours: 1,
    magneticRetentionDays: 7,
    dimensions: ["aircraft_id", "callsign", "registration"],
    measures: ["latitude", "longitude", "altitude_ft", "ground_speed_kts", "heading_deg", "vertical_rate", "on_ground"],
    deletionProtection: ctx.settings.deletionProtection,
  }),
});
