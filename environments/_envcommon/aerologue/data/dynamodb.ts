import { type TableSpec, dynamodbInputs } from "@infra/aerologue-inputs";
import { prefix } from "../names";
import { kms } from "../security/kms";
import { aerologueModule } from "../workload";

const S = (name: string) => ({ name, type: "S" as const });
const gsi = (name: string) => ({ name, partitionKey: S(name) });

/** ARC-005's twelve tables, exactly as the seed lists keys, GSIs and TTLs. */
export const AEROLOGUE_TABLES: Record<string, TableSpec> = {
  user_sessions: { partitionKey: S("user_id"), sortKey: S("session_id"), indexes: [gsi("device_id")], ttl: { attribute: "expires_at", days: 30 } },
  user_context: { partitionKey: S("user_id"), indexes: [gsi("flight_id"), gsi("airport_icao")], ttl: { attribute: "expires_at", days: 1 } },
  flight_crossings: {
    partitionKey: S("user_id"),
    sortKey: S("crossing_id"),
    indexes: [gsi("user_flight_id"), gsi("crossed_flight_id"), gsi("region")],
    ttl: { attribute: "expires_at", days: 7 },
  },
  crossing_participants: {
    partitionKey: S("crossing_id"),
    sortKey: S("user_id"),
    indexes: [{ name: "user_id", partitionKey: S("user_id"), sortKey: S("crossing_id") }],
  },
  crossing_messages: {
    partitionKey: S("crossing_id"),
    sortKey: S("message_id"),
    indexes: [gsi("to_user_id"), gsi("from_user_id")],
    ttl: { attribute: "expires_at", days: 30 },
  },
  vlog_journeys: {
    partitionKey: S("creator_id"),
    sortKey: S("journey_id"),
    indexes: [{ name: "visibility_status", partitionKey: S("visibility#status") }, gsi("country_code")],
  },
  vlog_stopovers: { partitionKey: S("journey_id"), sortKey: S("stopover_order#stopover_id"), indexes: [] },
  vlog_pinned_media: { partitionKey: S("journey_id#stopover_id"), sortKey: S("media_order#media_id"), indexes: [] },
  websocket_connections: { partitionKey: S("connection_id"), indexes: [gsi("user_id")], ttl: { attribute: "expires_at", days: 1 } },
  airport_schedules: { partitionKey: S("airport_iata#date"), sortKey: S("flight_number#time"), indexes: [], ttl: { attribute: "expires_at", days: 1 } },
  wallet_documents: {
    partitionKey: S("user_id"),
    sortKey: S("document_type#document_id"),
    indexes: [],
    ttl: { attribute: "expires_at", days: 30, basis: "expiry" },
  },
  admin_audit_log: { partitionKey: S("date"), sortKey: S("timestamp#user_id"), indexes: [], ttl: { attribute: "expires_at", days: 1826 } },
};

/** ARC-005 DynamoDB + ARC-015 `config` table; ARC-012 replicas in the global regions. */
export const dynamodb = aerologueModule("data/dynamodb", {
  schema: dynamodbInputs,
  dependencies: { kms },
  defaults: (ctx) => ({
    prefix: prefix(ctx),
    tables: AEROLOGUE_TABLES,
    featureFlags: { ...ctx.workload.featureFlags },
    environment: ctx.env.name,
    // ARC-013: DynamoDB point-in-time recovery, 35 days.
    pitrDays: 35,
    deletionProtection: ctx.settings.deletionProtection,
    replicaRegions: [...ctx.workload.globalRegions],
  }),
});
