import { describe, expect, it } from "vitest";
import { Certificate } from "./certificate";
import { HealthCheck } from "./health-check";
import { HostedZone } from "./hosted-zone";
import { FailoverRecordSet } from "./records";
import { addresses, synthJson } from "@infra/testing-core/blocks";

describe("Terraform addresses", () => {
  it("stay stable for a zone, certificate, health check and failover pair", () => {
    const json = synthJson((s) => {
      const zone = new HostedZone(s, "zone", { name: "example.com", queryLogging: { retentionDays: 30 } });
      new Certificate(s, "cert", { domainName: "example.com", subjectAlternativeNames: ["*.example.com"], zoneId: zone.zoneId });
      const hc = new HealthCheck(s, "hc", { fqdn: "api-use1.example.com", path: "/health" });
      new FailoverRecordSet(s, "api", {
        zoneId: zone.zoneId,
        name: "api.example.com",
        primary: { target: { values: ["198.51.100.1"] }, healthCheckId: hc.healthCheckId },
        secondary: { target: { values: ["198.51.100.2"] } },
      });
    });
    expect(addresses(json)).toMatchSnapshot();
  });
});
