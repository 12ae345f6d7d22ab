import { AURORA_INSTANCE_HOURLY, CACHE_NODE_HOURLY, EC2_INSTANCE_HOURLY, HOURS_PER_MONTH, PRICES, type Price, RDS_INSTANCE_HOURLY } from "./prices";

type R = Record<string, unknown>;

/** A synthesized stack to price: its Terraform JSON and the workload it belongs to. */
export interface PricedStack {
  readonly stack: string;
  readonly workload: string;
  readonly json: { readonly resource?: Record<string, Record<string, unknown>> };
}

export type CostCategory = "compute" | "databases" | "caches" | "network" | "security" | "dns+monitoring";
export const CATEGORIES: readonly CostCategory[] = ["compute", "databases", "caches", "network", "security", "dns+monitoring"];

export interface LineItem {
  readonly stack: string;
  readonly workload: string;
  /** Terraform address within the stack. */
  readonly address: string;
  readonly category: CostCategory;
  /** What was priced, e.g. "db.r6g.large Multi-AZ ×730 h + 100 GB gp3". */
  readonly description: string;
  /** USD per month, rounded to cents. */
  readonly monthly: number;
}

export interface Unpriced {
  readonly stack: string;
  readonly workload: string;
  readonly address: string;
  readonly type: string;
  /** Why no figure: usage-based (what drives it) or a size/type this table has no price for. */
  readonly reason: string;
  readonly kind: "usage" | "unknown";
}

export interface Estimate {
  readonly items: readonly LineItem[];
  readonly unpriced: readonly Unpriced[];
  /** USD per month, sum of the items. */
  readonly total: number;
}

const cents = (n: number) => Math.round(n * 100) / 100;
const hourly = (price: Price, count = 1) => price.usd * HOURS_PER_MONTH * count;
const first = (x: unknown): R | undefined => (Array.isArray(x) ? (x[0] as R | undefined) : (x as R | undefined));
const num = (x: unknown): number | undefined => (typeof x === "number" ? x : typeof x === "string" && /^\d+(\.\d+)?$/.test(x) ? Number(x) : undefined);
const bool = (x: unknown): boolean => x === true || x === "true";
const fmt = (n: number) => String(Math.round(n * 10000) / 10000);

/** `${aws_x.name.attr}` → the resource `name` of type `aws_x` in the same stack. */
function sameStackRef(json: PricedStack["json"], value: unknown, type: string): R | undefined {
  const m = typeof value === "string" ? value.match(new RegExp(`^\\$\\{${type}\\.([^.}]+)\\.[a-z_]+\\}$`)) : null;
  return m ? (json.resource?.[type]?.[m[1]!] as R | undefined) : undefined;
}

/** Resource types with no charge of their own (configuration, attachments, free services). */
const FREE =
  /^aws_(vpc|subnet|route|route_table|route_table_association|internet_gateway|security_group|default_security_group|vpc_security_group_(ingress|egress)_rule|network_acl|network_acl_rule|iam_.+|kms_alias|acm_certificate|acm_certificate_validation|route53_record|route53_hosted_zone_dnssec|route53_key_signing_key|db_subnet_group|db_parameter_group|db_event_subscription|rds_cluster_parameter_group|elasticache_(subnet_group|parameter_group|user|user_group)|ecs_cluster|ecs_capacity_provider|ecs_cluster_capacity_providers|launch_template|lb_listener|lb_listener_rule|lb_target_group|s3_bucket_.+|sns_topic_policy|sns_topic_subscription|sqs_queue_policy|sqs_queue_redrive_allow_policy|cloudwatch_log_resource_policy|cloudwatch_event_target|wafv2_web_acl_association|wafv2_web_acl_logging_configuration|lambda_permission|lambda_event_source_mapping|apigatewayv2_(api_mapping|authorizer|integration|route|stage|domain_name|deployment)|api_gateway_(account|authorizer|base_path_mapping|deployment|domain_name|integration|integration_response|method|method_response|method_settings|resource|stage)|cloudfront_(cache_policy|origin_access_control|response_headers_policy)|cognito_(user_pool_client|user_pool_domain|identity_provider|identity_pool|identity_pool_roles_attachment)|eip_association|secretsmanager_secret_rotation|ssm_parameter|budgets_budget|dynamodb_table_item|config_configuration_recorder_status|config_delivery_channel|xray_group|xray_sampling_rule|ecr_lifecycle_policy|amplify_branch|amplify_domain_association|glue_catalog_database|glue_catalog_table|lambda_alias|codedeploy_app|codedeploy_deployment_group|vpc_peering_connection_accepter|backup_plan|backup_selection|appautoscaling_target|appautoscaling_policy|cloudwatch_log_subscription_filter|cloudwatch_log_stream)$/;

/** Resource types billed only by use: what drives their cost. */
const USAGE: Readonly<Record<string, string>> = {
  aws_lambda_function: "requests and GB-seconds",
  aws_lambda_layer_version: "layer storage",
  aws_s3_bucket: "storage, requests, data transfer",
  aws_dynamodb_table: "on-demand reads/writes, storage, PITR, streams",
  aws_apigatewayv2_api: "requests / WebSocket messages and connection minutes",
  aws_api_gateway_rest_api: "requests",
  aws_cloudfront_distribution: "requests and data transfer out",
  aws_cognito_user_pool: "monthly active users",
  aws_sqs_queue: "requests",
  aws_sns_topic: "publishes and deliveries",
  aws_cloudwatch_event_bus: "custom events",
  aws_cloudwatch_event_rule: "custom events / cross-bus deliveries",
  aws_cloudwatch_event_archive: "archived and replayed events",
  aws_scheduler_schedule: "invocations",
  aws_sfn_state_machine: "state transitions",
  aws_timestreamwrite_database: "writes, memory and magnetic storage, queries",
  aws_timestreamwrite_table: "writes, memory and magnetic storage, queries",
  aws_cloudwatch_log_group: "log ingestion and storage",
  aws_flow_log: "log ingestion",
  aws_route53_query_log: "log ingestion",
  aws_config_configuration_recorder: "configuration items recorded",
  aws_config_config_rule: "rule evaluations",
  aws_cloudtrail: "data events recorded (the first copy of management events is free)",
  aws_athena_workgroup: "data scanned",
  aws_ecr_repository: "image storage",
  aws_bcmdataexports_export: "the CUR 2.0 export is free; its files are S3 storage",
  aws_kinesis_firehose_delivery_stream: "data ingested (per GB) and delivered",
  aws_amplify_app: "build minutes, hosting storage and transfer",
  aws_serverlessapplicationrepository_cloudformation_stack: "the deployed application (a rotation Lambda: invocations)",
  aws_vpc_peering_connection: "inter-AZ / inter-region data transfer",
  aws_rds_global_cluster: "replicated write I/O",
  aws_vpc_endpoint: "gateway endpoint: free; data through it is usage",
  aws_backup_vault: "recovery points stored (EBS snapshots: GB-month of changed blocks) and cross-region copy transfer",
};

/** Price every resource of the stacks: fixed monthly line items, and the rest with the reason it is not priced. */
export function estimate(stacks: readonly PricedStack[]): Estimate {
  const items: LineItem[] = [];
  const unpriced: Unpriced[] = [];
  for (const s of stacks) {
    for (const type of Object.keys(s.json.resource ?? {}).sort()) {
      const byName = s.json.resource![type]!;
      for (const name of Object.keys(byName).sort()) {
        const r = byName[name] as R;
        const address = `${type}.${name}`;
        const add = (category: CostCategory, description: string, monthly: number) =>
          items.push({ stack: s.stack, workload: s.workload, address, category, description, monthly: cents(monthly) });
        const skip = (kind: Unpriced["kind"], reason: string) => unpriced.push({ stack: s.stack, workload: s.workload, address, type, reason, kind });
        priceResource(s, type, r, add, skip);
      }
    }
  }
  items.sort((a, b) => cmp(a.stack, b.stack) || cmp(a.address, b.address));
  unpriced.sort((a, b) => cmp(a.stack, b.stack) || cmp(a.address, b.address));
  return { items, unpriced, total: cents(items.reduce((n, i) => n + i.monthly, 0)) };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function priceResource(
  s: PricedStack,
  type: string,
  r: R,
  add: (category: CostCategory, description: string, monthly: number) => void,
  skip: (kind: Unpriced["kind"], reason: string) => void,
): void {
  const unknownSize = (what: string, size: unknown) => skip("unknown", `no price for ${what} ${JSON.stringify(size)} in apps/ops/src/cost/prices.ts`);
  switch (type) {
    case "aws_instance": {
      const price = EC2_INSTANCE_HOURLY[String(r["instance_type"])];
      if (!price) return unknownSize("instance type", r["instance_type"]);
      const root = first(r["root_block_device"]);
      const gb = num(root?.["volume_size"]) ?? 8;
      const ip = bool(r["associate_public_ip_address"]) ? hourly(PRICES.publicIpv4) : 0;
      return add(
        "compute",
        `${String(r["instance_type"])} ×730 h + ${gb} GB gp3${ip ? " + public IPv4" : ""}`,
        hourly(price) + gb * PRICES.ebsGp3Storage.usd + ip,
      );
    }
    case "aws_autoscaling_group": {
      const template = sameStackRef(s.json, first(r["launch_template"])?.["id"], "aws_launch_template");
      const min = num(r["min_size"]) ?? 0;
      if (!template) return skip("unknown", "launch template not in this stack: instance type unknown");
      const price = EC2_INSTANCE_HOURLY[String(template["instance_type"])];
      if (!price) return unknownSize("instance type", template["instance_type"]);
      const mappings = Array.isArray(template["block_device_mappings"])
        ? (template["block_device_mappings"] as R[])
        : template["block_device_mappings"]
          ? [template["block_device_mappings"] as R]
          : [];
      const gb = mappings.reduce((n, m) => n + (num(first(m["ebs"])?.["volume_size"]) ?? 0), 0);
      return add(
        "compute",
        `${min} × ${String(template["instance_type"])} (min_size) ×730 h + ${min} × ${gb} GB gp3`,
        hourly(price, min) + min * gb * PRICES.ebsGp3Storage.usd,
      );
    }
    case "aws_db_instance": {
      const cls = String(r["instance_class"]);
      const price = RDS_INSTANCE_HOURLY[cls];
      if (!price) return unknownSize("RDS instance class", cls);
      const multiAz = bool(r["multi_az"]);
      const copies = multiAz ? 2 : 1;
      const source = sameStackRef(s.json, r["replicate_source_db"], "aws_db_instance");
      const gb = num(r["allocated_storage"]) ?? num(source?.["allocated_storage"]);
      const replica = r["replicate_source_db"] !== undefined;
      const storage = gb === undefined ? "storage as its source (other stack, not counted)" : `${gb} GB gp3`;
      return add(
        "databases",
        `${cls}${multiAz ? " Multi-AZ" : ""}${replica ? " read replica" : ""} ×730 h + ${storage}`,
        hourly(price, copies) + (gb ?? 0) * PRICES.rdsGp3Storage.usd * copies,
      );
    }
    case "aws_rds_cluster_instance": {
      const cls = String(r["instance_class"]);
      if (cls === "db.serverless") {
        const cluster = sameStackRef(s.json, r["cluster_identifier"], "aws_rds_cluster");
        const min = num(first(cluster?.["serverlessv2_scaling_configuration"])?.["min_capacity"]);
        if (min === undefined) return skip("unknown", "Serverless v2 minimum capacity unknown (cluster not in this stack)");
        return add(
          "databases",
          `Aurora Serverless v2 at its minimum ${fmt(min)} ACU ×730 h${min === 0 ? " (auto-pause)" : ""} (above the minimum, storage, I/O: usage)`,
          hourly(PRICES.auroraServerlessAcu, min),
        );
      }
      const price = AURORA_INSTANCE_HOURLY[cls];
      if (!price) return unknownSize("Aurora instance class", cls);
      return add("databases", `Aurora ${cls} ×730 h (storage, I/O: usage)`, hourly(price));
    }
    case "aws_rds_cluster":
      return skip("usage", "Aurora storage and I/O (instances are priced separately)");
    case "aws_elasticache_replication_group": {
      const node = String(r["node_type"]);
      const price = CACHE_NODE_HOURLY[node];
      if (!price) return unknownSize("cache node type", node);
      const groups = num(r["num_node_groups"]);
      const nodes = groups !== undefined ? groups * ((num(r["replicas_per_node_group"]) ?? 0) + 1) : (num(r["num_cache_clusters"]) ?? 1);
      return add("caches", `${nodes} × ${node} ×730 h`, hourly(price, nodes));
    }
    case "aws_elasticache_serverless_cache": {
      const engine = String(r["engine"] ?? "redis");
      const price = engine === "valkey" ? PRICES.cacheServerlessValkeyGb : engine === "redis" ? PRICES.cacheServerlessRedisGb : undefined;
      if (!price) return unknownSize("serverless cache engine", engine);
      const storage = first(first(r["cache_usage_limits"])?.["data_storage"]);
      const floor = engine === "valkey" ? 0.1 : 1;
      const gb = Math.max(floor, num(storage?.["minimum"]) ?? floor);
      return add("caches", `ElastiCache Serverless ${engine}: minimum ${fmt(gb)} GB stored ×730 h (ECPUs: usage)`, hourly(price, gb));
    }
    case "aws_dynamodb_table":
      if (r["billing_mode"] === "PROVISIONED") return skip("unknown", "provisioned DynamoDB capacity is not in apps/ops/src/cost/prices.ts");
      return skip("usage", USAGE[type]!);
    case "aws_nat_gateway":
      return add("network", "NAT gateway ×730 h (data processed: usage)", hourly(PRICES.natGateway));
    case "aws_eip":
      return add("network", "public IPv4 address ×730 h", hourly(PRICES.publicIpv4));
    case "aws_lb": {
      const internal = bool(r["internal"]);
      const subnets = Array.isArray(r["subnets"]) ? r["subnets"].length : Array.isArray(r["subnet_mapping"]) ? r["subnet_mapping"].length : 0;
      const ips = internal ? 0 : subnets;
      return add(
        "network",
        `${String(r["load_balancer_type"] ?? "application")} load balancer ×730 h${ips ? ` + ${ips} public IPv4` : ""} (LCUs: usage)`,
        hourly(PRICES.loadBalancer) + hourly(PRICES.publicIpv4, ips),
      );
    }
    case "aws_vpc_endpoint": {
      if (r["vpc_endpoint_type"] !== "Interface") return skip("usage", USAGE[type]!);
      const azs = Array.isArray(r["subnet_ids"]) ? r["subnet_ids"].length : 1;
      return add("network", `interface endpoint × ${azs} AZ ×730 h (data: usage)`, hourly(PRICES.interfaceEndpointAz, azs));
    }
    case "aws_kms_key":
      return add("security", `KMS key (${String(r["customer_master_key_spec"] ?? "SYMMETRIC_DEFAULT")})`, PRICES.kmsKey.usd);
    case "aws_secretsmanager_secret": {
      // Each replica region is billed as a secret of its own.
      const replicas = Array.isArray(r["replica"]) ? r["replica"].length : 0;
      return add("security", `Secrets Manager secret${replicas ? ` + ${replicas} replica${replicas > 1 ? "s" : ""}` : ""}`, PRICES.secret.usd * (1 + replicas));
    }
    case "aws_wafv2_web_acl": {
      const rules = Array.isArray(r["rule"]) ? r["rule"].length : r["rule"] ? 1 : 0;
      return add("security", `WAF web ACL + ${rules} rules (requests: usage)`, PRICES.wafWebAcl.usd + rules * PRICES.wafRule.usd);
    }
    case "aws_route53_zone":
      return add("dns+monitoring", "hosted zone (queries: usage)", PRICES.hostedZone.usd);
    case "aws_route53_health_check": {
      const t = String(r["type"] ?? "");
      const features = [t.includes("HTTPS"), t.includes("STR_MATCH"), num(r["request_interval"]) === 10, bool(r["measure_latency"])].filter(Boolean).length;
      return add(
        "dns+monitoring",
        `health check ${t}${features ? ` + ${features} optional features` : ""}`,
        PRICES.healthCheck.usd + features * PRICES.healthCheckFeature.usd,
      );
    }
    case "aws_cloudwatch_metric_alarm": {
      const queries = Array.isArray(r["metric_query"]) ? (r["metric_query"] as R[]).filter((q) => q["metric"] !== undefined).length : 0;
      const metrics = Math.max(1, queries);
      return add("dns+monitoring", `alarm (${metrics} metric${metrics > 1 ? "s" : ""})`, metrics * PRICES.alarmMetric.usd);
    }
    case "aws_cloudwatch_dashboard":
      return add("dns+monitoring", "dashboard", PRICES.dashboard.usd);
    case "aws_ecs_service":
      // On an EC2 capacity provider the tasks run on the instances priced above; a Fargate service is billed per task.
      if (
        r["launch_type"] === undefined &&
        Array.isArray(r["capacity_provider_strategy"]) &&
        !JSON.stringify(r["capacity_provider_strategy"]).includes("FARGATE")
      )
        return;
      return skip("unknown", "no price rule for this resource type in apps/ops/src/cost/estimate.ts");
    case "aws_ecs_task_definition":
      if (JSON.stringify(r["requires_compatibilities"]) === '["EC2"]') return;
      return skip("unknown", "no price rule for this resource type in apps/ops/src/cost/estimate.ts");
    default:
      // terraform_data (the fresh-env placeholder guard) is Terraform's own: no AWS resource at all.
      if (FREE.test(type) || type === "terraform_data") return;
      if (USAGE[type]) return skip("usage", USAGE[type]);
      return skip("unknown", "no price rule for this resource type in apps/ops/src/cost/estimate.ts");
  }
}
