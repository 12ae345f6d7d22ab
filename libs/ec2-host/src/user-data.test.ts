import { describe, expect, it } from "vitest";
import { defaultAgentConfig, renderUserData } from "./user-data";

describe("renderUserData", () => {
  const base = { architecture: "x86_64" as const, composeVersion: "v2.32.4", metricsNamespace: "CWAgent" };

  it("installs Docker, the compose plugin (checksum-verified) and the CloudWatch agent", () => {
    const script = renderUserData(base);
    expect(script.startsWith("#!/bin/bash\nset -euo pipefail\n")).toBe(true);
    expect(script).toContain("retry dnf install -y docker amazon-cloudwatch-agent\nsystemctl enable --now docker\n");
    expect(script).toContain(
      "retry curl -fsSL -o /usr/local/lib/docker/cli-plugins/docker-compose https://github.com/docker/compose/releases/download/v2.32.4/docker-compose-linux-x86_64\n",
    );
    expect(script).toContain("sha256sum -c -");
    expect(script).toContain("-a fetch-config -m ec2 -s -c file:/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json");
    // The agent's own ${aws:InstanceId} placeholder is escaped for Terraform.
    expect(script).toContain('"InstanceId": "$${aws:InstanceId}"');
    expect(script).not.toMatch(/[^$]\$\{aws:/);
  });

  it("fetches the agent config from SSM when a parameter is given", () => {
    const script = renderUserData({ ...base, cloudWatchAgentConfigParameter: "/atlas/cwagent" });
    expect(script).toContain("-a fetch-config -m ec2 -s -c ssm:/atlas/cwagent");
    expect(script).not.toContain("AGENT");
  });

  it("is deterministic", () => {
    expect(renderUserData(base)).toBe(renderUserData(base));
  });

  it("rejects values that could inject shell", () => {
    expect(() => renderUserData({ ...base, composeVersion: "latest; rm -rf /" })).toThrow('composeVersion "latest; rm -rf /" must look like v2.32.4');
    expect(() => renderUserData({ ...base, cloudWatchAgentConfigParameter: "/x; reboot" })).toThrow("is not an SSM parameter name");
  });

  it("collects the memory and disk metrics the seed's alarms use", () => {
    const config = JSON.parse(defaultAgentConfig("CWAgent"));
    expect(config.metrics.metrics_collected.mem.measurement).toEqual(["mem_used_percent"]);
    expect(config.metrics.metrics_collected.disk.measurement).toEqual(["disk_used_percent"]);
  });
});
