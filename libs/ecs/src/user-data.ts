/**
 * The user data of a container instance: join the cluster, and keep awsvpc tasks away from the
 * instance metadata service (they get credentials from their task role, never the instance's).
 * Returned base64-encoded, as launch templates take it, computed here so synth stays deterministic.
 */
export function ecsUserData(clusterName: string, extraConfig: Readonly<Record<string, string>> = {}, afterJoin: readonly string[] = []): string {
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(clusterName)) throw new Error(`cluster name "${clusterName}" must be 1-255 letters, digits, "-" or "_"`);
  const config: Record<string, string> = {
    ECS_CLUSTER: clusterName,
    ECS_ENABLE_TASK_IAM_ROLE: "true",
    ECS_AWSVPC_BLOCK_IMDS: "true",
    ...extraConfig,
  };
  for (const [k, v] of Object.entries(config)) {
    if (!/^ECS_[A-Z0-9_]+$/.test(k) || /[\n'"]/.test(v)) throw new Error(`ecs.config entry ${k}=${v} is not a plain ECS_* setting`);
  }
  const lines = Object.entries(config).map(([k, v]) => `${k}=${v}`);
  // `afterJoin` (e.g. the CloudWatch agent) runs once the instance is set to join: its failure must not keep it out.
  const script = ["#!/bin/bash", "cat <<'EOF' >> /etc/ecs/ecs.config", ...lines, "EOF", ...afterJoin, ""].join("\n");
  return Buffer.from(script, "utf8").toString("base64");
}
