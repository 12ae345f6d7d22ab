/**
 * The host's boot script. Deterministic (same props, same bytes: no timestamps, no random ids) and
 * free of secrets: containers read secrets from Secrets Manager at run time through the instance role.
 */

export type HostArchitecture = "x86_64" | "arm64";

export interface UserDataOptions {
  readonly architecture: HostArchitecture;
  /** docker compose plugin release, e.g. "v2.32.4". */
  readonly composeVersion: string;
  /** SSM parameter holding a CloudWatch agent config; without it a built-in config is written. */
  readonly cloudWatchAgentConfigParameter?: string;
  /** CloudWatch namespace of the built-in agent config. */
  readonly metricsNamespace: string;
}

/**
 * The built-in agent config: memory and disk usage, the metrics seed 001's phase 1 alarms use
 * (mem_used_percent, disk_used_percent), keyed by InstanceId.
 */
export function defaultAgentConfig(namespace: string): string {
  return JSON.stringify(
    {
      agent: { metrics_collection_interval: 60 },
      metrics: {
        namespace,
        append_dimensions: { InstanceId: "${aws:InstanceId}" },
        metrics_collected: {
          mem: { measurement: ["mem_used_percent"] },
          disk: { measurement: ["disk_used_percent"], resources: ["/"], ignore_file_system_types: ["sysfs", "devtmpfs", "tmpfs"] },
        },
      },
    },
    null,
    2,
  );
}

const COMPOSE_VERSION_RE = /^v\d+\.\d+\.\d+$/;
const PARAMETER_RE = /^[a-zA-Z0-9_.\-/]+$/;

export function renderUserData(o: UserDataOptions): string {
  if (!COMPOSE_VERSION_RE.test(o.composeVersion)) {
    throw new RangeError(`DockerHost composeVersion ${JSON.stringify(o.composeVersion)} must look like v2.32.4`);
  }
  if (o.cloudWatchAgentConfigParameter !== undefined && !PARAMETER_RE.test(o.cloudWatchAgentConfigParameter)) {
    throw new RangeError(`DockerHost cloudWatchAgentConfigParameter ${JSON.stringify(o.cloudWatchAgentConfigParameter)} is not an SSM parameter name`);
  }
  const composeArch = o.architecture === "arm64" ? "aarch64" : "x86_64";
  const composeUrl = `https://github.com/docker/compose/releases/download/${o.composeVersion}/docker-compose-linux-${composeArch}`;
  const agentCtl = "/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl";
  const agentConfig =
    o.cloudWatchAgentConfigParameter !== undefined
      ? [`${agentCtl} -a fetch-config -m ec2 -s -c ssm:${o.cloudWatchAgentConfigParameter}`]
      : [
          "cat > /opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json <<'AGENT'",
          // "$${" is Terraform's escape for a literal "${" (the agent's own placeholder syntax).
          defaultAgentConfig(o.metricsNamespace).replaceAll("${", () => "$${"),
          "AGENT",
          `${agentCtl} -a fetch-config -m ec2 -s -c file:/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json`,
        ];
  return [
    "#!/bin/bash",
    "set -euo pipefail",
    "",
    "# Retry: an Elastic IP may be associated a few seconds after boot, before which there is no route out.",
    'retry() { for i in 1 2 3 4 5 6 7 8 9 10; do "$@" && return 0; sleep 15; done; return 1; }',
    "",
    "# Docker engine from the Amazon Linux 2023 repositories, started now and at every boot.",
    "retry dnf install -y docker amazon-cloudwatch-agent",
    "systemctl enable --now docker",
    "usermod -aG docker ec2-user",
    "",
    `# Docker Compose plugin ${o.composeVersion}, checked against the release's published SHA-256.`,
    "mkdir -p /usr/local/lib/docker/cli-plugins",
    `retry curl -fsSL -o /usr/local/lib/docker/cli-plugins/docker-compose ${composeUrl}`,
    `retry curl -fsSL -o /tmp/docker-compose.sha256 ${composeUrl}.sha256`,
    `(cd /usr/local/lib/docker/cli-plugins && echo "$(cut -d' ' -f1 /tmp/docker-compose.sha256)  docker-compose" | sha256sum -c -)`,
    "chmod 0755 /usr/local/lib/docker/cli-plugins/docker-compose",
    "",
    "# CloudWatch agent: memory and disk metrics, which EC2 does not report by itself.",
    ...agentConfig,
    "",
  ].join("\n");
}
