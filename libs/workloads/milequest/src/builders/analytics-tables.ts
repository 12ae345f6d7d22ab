/**
 * The schemas Athena reads, as data: the data lake's events (what exportAnalytics writes) and the
 * CUR 2.0 columns the cost export selects. One source of truth each: the export's SQL and the Glue
 * table are built from the same list, so they cannot drift.
 */

export interface GlueColumn {
  readonly name: string;
  readonly type: string;
  readonly comment: string;
}

/**
 * The data lake layout exportAnalytics writes (its DATA_LAKE_EVENTS_PREFIX / _PARTITION env):
 * `events/dt=<yyyy-MM-dd>/<file>.json[.gz]`, one EventBridge event per line as EventBridge
 * delivers it. `detail` stays a JSON string (read it with json_extract): each source has its own.
 */
export const DATA_LAKE_EVENTS = {
  prefix: "events/",
  partitionKey: "dt",
  partitionFormat: "yyyy-MM-dd",
  columns: [
    { name: "version", type: "string", comment: "EventBridge envelope version" },
    { name: "id", type: "string", comment: "event id (unique)" },
    { name: "detail_type", type: "string", comment: "EventBridge detail-type, e.g. ActivityLogged" },
    { name: "source", type: "string", comment: "milequest.activity or milequest.team" },
    { name: "account", type: "string", comment: "AWS account of the bus" },
    { name: "time", type: "string", comment: "ISO-8601 UTC; from_iso8601_timestamp(time)" },
    { name: "region", type: "string", comment: "region of the bus" },
    { name: "resources", type: "array<string>", comment: "ARNs the event names" },
    { name: "detail", type: "string", comment: "the domain event as JSON text" },
  ],
  /** OpenX JSON SerDe mappings: Hive columns cannot hold a hyphen. */
  serdeMappings: { "mapping.detail_type": "detail-type" },
} as const;

/**
 * CUR 2.0 columns the export selects (AWS Data Exports table COST_AND_USAGE_REPORT): who, what,
 * when and how much, plus resource tags and product attributes as maps. `line_item_resource_id`
 * exists only with INCLUDE_RESOURCES, so it is added by the export settings.
 */
export const CUR2_COLUMNS: readonly GlueColumn[] = [
  { name: "identity_line_item_id", type: "string", comment: "line item id" },
  { name: "identity_time_interval", type: "string", comment: "interval of the line item" },
  { name: "bill_bill_type", type: "string", comment: "Anniversary, Purchase or Refund" },
  { name: "bill_billing_period_start_date", type: "timestamp", comment: "billing period start" },
  { name: "bill_billing_period_end_date", type: "timestamp", comment: "billing period end" },
  { name: "bill_payer_account_id", type: "string", comment: "payer account" },
  { name: "line_item_usage_account_id", type: "string", comment: "account that used the service" },
  { name: "line_item_line_item_type", type: "string", comment: "Usage, Tax, Credit, ..." },
  { name: "line_item_usage_start_date", type: "timestamp", comment: "usage start" },
  { name: "line_item_usage_end_date", type: "timestamp", comment: "usage end" },
  { name: "line_item_product_code", type: "string", comment: "service, e.g. AWSLambda" },
  { name: "line_item_usage_type", type: "string", comment: "usage type, e.g. USE1-Lambda-GB-Second" },
  { name: "line_item_operation", type: "string", comment: "operation" },
  { name: "line_item_line_item_description", type: "string", comment: "description" },
  { name: "line_item_usage_amount", type: "double", comment: "usage amount" },
  { name: "line_item_currency_code", type: "string", comment: "currency" },
  { name: "line_item_unblended_cost", type: "double", comment: "unblended cost" },
  { name: "line_item_blended_cost", type: "double", comment: "blended cost" },
  { name: "pricing_public_on_demand_cost", type: "double", comment: "on-demand list cost" },
  { name: "resource_tags", type: "map<string,string>", comment: "cost allocation tags, e.g. resource_tags['user_project']" },
  { name: "product", type: "map<string,string>", comment: "product attributes, e.g. product['region']" },
];

export const CUR2_RESOURCE_COLUMN: GlueColumn = { name: "line_item_resource_id", type: "string", comment: "resource id (ARN or name)" };

/** The SQL AWS Data Exports runs over its table. */
export function cur2QueryStatement(columns: readonly GlueColumn[]): string {
  return `SELECT ${columns.map((c) => c.name).join(", ")} FROM COST_AND_USAGE_REPORT`;
}
