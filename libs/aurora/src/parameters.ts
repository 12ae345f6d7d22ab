import type { RdsClusterParameterGroupParameter } from "@cdktf/provider-aws/lib/rds-cluster-parameter-group";

/** Cluster parameters every cluster gets; props may override or add to them. */
export const DEFAULT_CLUSTER_PARAMETERS: Readonly<Record<string, string>> = {
  // TLS in transit: refuse plaintext connections, and anything older than TLS 1.2.
  "rds.force_ssl": "1",
  ssl_min_protocol_version: "TLSv1.2",
  // Audit: schema changes and slow statements reach CloudWatch Logs (CKV2_AWS_27/30).
  log_statement: "ddl",
  log_min_duration_statement: "1000",
  log_connections: "1",
  log_disconnections: "1",
};

/** Parameters that only take effect after a reboot; AWS rejects "immediate" for them. */
const STATIC = new Set(["shared_preload_libraries", "rds.logical_replication", "max_connections", "track_activity_query_size"]);

/** Defaults merged with overrides, sorted by name so the JSON is stable. */
export function clusterParameters(overrides: Readonly<Record<string, string>>): RdsClusterParameterGroupParameter[] {
  const merged = { ...DEFAULT_CLUSTER_PARAMETERS, ...overrides };
  return Object.keys(merged)
    .sort()
    .map((name) => ({ name, value: merged[name]!, applyMethod: STATIC.has(name) ? "pending-reboot" : "immediate" }));
}
