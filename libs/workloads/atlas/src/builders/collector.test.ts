import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { collectorConfig, collectorSidecar } from "./collector";
import { RotationRedeploy, redeployDefinition } from "./rotation-redeploy";

describe("collectorConfig: the ADOT collector's YAML", () => {
  it("without a metrics destination: traces only (X-Ray daemon protocol and OTLP in, X-Ray out), no SigV4, no scrape", () => {
    const yaml = collectorConfig({ service: "web-app", region: "us-east-1" });
    expect(yaml).toContain("  awsxray:\n    endpoint: 127.0.0.1:2000\n    transport: udp");
    expect(yaml).toContain("    traces:\n      receivers: [awsxray, otlp]\n      processors: [batch]\n      exporters: [awsxray]");
    expect(yaml).not.toMatch(/sigv4auth|prometheus|metrics:/);
    expect(yaml).toContain("  extensions: [health_check]\n");
  });

  it("with a destination and a scrape target: the app's endpoint scraped, remote-written with SigV4 for aps", () => {
    const yaml = collectorConfig({
      service: "user-service",
      scrape: { port: 8081, path: "/actuator/prometheus" },
      region: "us-east-1",
      metrics: {
        remoteWriteUrl: "https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write",
        region: "us-east-1",
        scrapeIntervalSeconds: 30,
      },
    });
    expect(yaml).toContain("  sigv4auth:\n    region: us-east-1\n    service: aps");
    expect(yaml).toContain(
      '        - job_name: user-service\n          metrics_path: /actuator/prometheus\n          static_configs:\n            - targets: ["127.0.0.1:8081"]',
    );
    expect(yaml).toContain("scrape_interval: 30s");
    expect(yaml).toContain(
      "    endpoint: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write\n    auth:\n      authenticator: sigv4auth",
    );
    expect(yaml).toContain("    metrics:\n      receivers: [prometheus, otlp]\n      processors: [batch]\n      exporters: [prometheusremotewrite]");
    // Terraform would read "${" as an interpolation: the config must have none of its own.
    expect(yaml).not.toContain("${");
  });

  it("the sidecar carries the config as AOT_CONFIG_CONTENT", () => {
    expect(collectorSidecar("img:v1", 128, "x")).toEqual({
      name: "adot-collector",
      image: "img:v1",
      memoryReservation: 128,
      environment: { AOT_CONFIG_CONTENT: "x" },
    });
  });
});

describe("RotationRedeploy", () => {
  it("the state machine ends after the rolling services when there is no blue/green service", () => {
    const d = redeployDefinition("arn:cluster", false) as { States: Record<string, { End?: boolean }> };
    expect(Object.keys(d.States)).toEqual(["RollingServices"]);
    expect(d.States["RollingServices"]!.End).toBe(true);
  });

  it("refuses a rule without secrets or without services", () => {
    const base = { name: "x", clusterArn: "arn:c", kmsKeyArn: "arn:k", logRetentionDays: 30, tags: {} };
    expect(() =>
      Testing.synthScope((s) => void new RotationRedeploy(s, "r", { ...base, secretArns: [], rolling: [{ serviceName: "a", serviceArn: "arn:a" }] })),
    ).toThrow("secretArns must not be empty");
    expect(() => Testing.synthScope((s) => void new RotationRedeploy(s, "r", { ...base, secretArns: ["arn:s"], rolling: [] }))).toThrow(
      "no service to redeploy",
    );
  });
});
