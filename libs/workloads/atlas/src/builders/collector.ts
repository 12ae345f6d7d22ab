import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { PrometheusWorkspace } from "@cdktf/provider-aws/lib/prometheus-workspace";
import type { SidecarProps } from "@infra/ecs-service";
import { declareLogGroupKey } from "@infra/kms";
import type { Construct } from "constructs";

/** Where the collector sends metrics: the workspace's remote-write URL (`<prometheus_endpoint>api/v1/remote_write`). */
export interface MetricsDestination {
  /** `<prometheus_endpoint>api/v1/remote_write` of the workspace. */
  readonly remoteWriteUrl: string;
  /** The workspace's region (SigV4). */
  readonly region: string;
  /** Seconds between scrapes of the application. */
  readonly scrapeIntervalSeconds: number;
}

export interface CollectorConfigProps {
  /** Names the scrape job, e.g. "user-service". */
  readonly service: string;
  /** The application's Prometheus endpoint in the task (Spring Boot Actuator), or none (web-app: traces only). */
  readonly scrape?: { readonly port: number; readonly path: string };
  /** Region of X-Ray (the task's). */
  readonly region: string;
  /** @default no metrics pipeline (traces only) */
  readonly metrics?: MetricsDestination;
}

/**
 * The ADOT collector configuration (OpenTelemetry Collector YAML, given to the sidecar as
 * AOT_CONFIG_CONTENT): X-Ray daemon protocol and OTLP in on localhost, traces to X-Ray, and with a
 * destination the application's Prometheus endpoint scraped and remote-written with SigV4 (the task
 * role's aps:RemoteWrite). A change makes a new task definition revision: tasks roll with it. Pure.
 */
export function collectorConfig(p: CollectorConfigProps): string {
  const lines: string[] = [
    "extensions:",
    "  health_check: {}",
    ...(p.metrics ? ["  sigv4auth:", `    region: ${p.metrics.region}`, "    service: aps"] : []),
    "receivers:",
    "  awsxray:",
    "    endpoint: 127.0.0.1:2000",
    "    transport: udp",
    "  otlp:",
    "    protocols:",
    "      grpc:",
    "        endpoint: 127.0.0.1:4317",
    "      http:",
    "        endpoint: 127.0.0.1:4318",
  ];
  if (p.metrics && p.scrape) {
    lines.push(
      "  prometheus:",
      "    config:",
      "      global:",
      `        scrape_interval: ${p.metrics.scrapeIntervalSeconds}s`,
      "      scrape_configs:",
      `        - job_name: ${p.service}`,
      `          metrics_path: ${p.scrape.path}`,
      "          static_configs:",
      `            - targets: ["127.0.0.1:${p.scrape.port}"]`,
    );
  }
  lines.push("processors:", "  batch: {}", "exporters:", "  awsxray:", `    region: ${p.region}`);
  if (p.metrics) {
    lines.push(
      "  prometheusremotewrite:",
      `    endpoint: ${p.metrics.remoteWriteUrl}`,
      "    auth:",
      "      authenticator: sigv4auth",
      "    resource_to_telemetry_conversion:",
      "      enabled: true",
    );
  }
  const metricReceivers = [...(p.metrics && p.scrape ? ["prometheus"] : []), "otlp"];
  lines.push(
    "service:",
    `  extensions: [${["health_check", ...(p.metrics ? ["sigv4auth"] : [])].join(", ")}]`,
    "  pipelines:",
    "    traces:",
    "      receivers: [awsxray, otlp]",
    "      processors: [batch]",
    "      exporters: [awsxray]",
    ...(p.metrics
      ? ["    metrics:", `      receivers: [${metricReceivers.join(", ")}]`, "      processors: [batch]", "      exporters: [prometheusremotewrite]"]
      : []),
  );
  return lines.join("\n") + "\n";
}

/** The sidecar: not essential (the service keeps serving if it stops), its own log stream, the config as an env var. */
export function collectorSidecar(image: string, memoryReservation: number, config: string): SidecarProps {
  return { name: "adot-collector", image, memoryReservation, environment: { AOT_CONFIG_CONTENT: config } };
}

/** Environment of the application container: where its X-Ray SDK and OpenTelemetry exporters send. */
export const COLLECTOR_CLIENT_ENV: Readonly<Record<string, string>> = {
  AWS_XRAY_DAEMON_ADDRESS: "127.0.0.1:2000",
  OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4317",
};

/** X-Ray actions of the collector (task role). They have no resource-level permissions. */
export const XRAY_WRITE_STATEMENT: DataAwsIamPolicyDocumentStatement = {
  sid: "XRay",
  effect: "Allow",
  actions: ["xray:GetSamplingRules", "xray:GetSamplingStatisticSummaries", "xray:GetSamplingTargets", "xray:PutTelemetryRecords", "xray:PutTraceSegments"],
  resources: ["*"],
};

export interface MetricsWorkspace {
  /** The workspace's ARN (aps:RemoteWrite resource). */
  readonly arn: string;
  /** Where the collector remote-writes. */
  readonly remoteWriteUrl: string;
}

/**
 * The env's Amazon Managed Service for Prometheus workspace: encrypted with the data CMK, its
 * rule/alert-manager logs to an encrypted, retained log group (vended logs).
 */
export function metricsWorkspace(
  scope: Construct,
  props: {
    readonly alias: string;
    readonly kmsKeyArn: string;
    readonly logKmsKeyArn: string;
    readonly logRetentionDays: number;
    readonly tags: Record<string, string>;
  },
): MetricsWorkspace {
  const logs = new CloudwatchLogGroup(scope, "prometheus-logs", {
    name: `/aws/vendedlogs/prometheus/${props.alias}`,
    retentionInDays: props.logRetentionDays,
    kmsKeyId: props.logKmsKeyArn,
    tags: { ...props.tags, Name: `${props.alias}-prometheus` },
  });
  declareLogGroupKey(logs, props.logKmsKeyArn);
  const workspace = new PrometheusWorkspace(scope, "prometheus", {
    alias: props.alias,
    kmsKeyArn: props.kmsKeyArn,
    loggingConfiguration: { logGroupArn: `${logs.arn}:*` },
    tags: { ...props.tags, Name: props.alias },
  });
  return { arn: workspace.arn, remoteWriteUrl: `${workspace.prometheusEndpoint}api/v1/remote_write` };
}
