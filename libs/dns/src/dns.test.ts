import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { describe, expect, it } from "vitest";
import { Certificate } from "./certificate";
import { HealthCheck, validateHealthCheckProps } from "./health-check";
import { HostedZone } from "./hosted-zone";
import { CLOUDFRONT_HOSTED_ZONE_ID } from "./index";
import { AliasRecord, FailoverRecordSet, LatencyRecord, Record, TargetRecord, validateFailoverRecordSet } from "./records";
import { type Json, only, synthJson } from "@infra/testing-core/blocks";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/abc";

describe("HostedZone", () => {
  it("creates a public zone with query logging to a us-east-1 group and DNSSEC signing", () => {
    const { resource, data } = synthJson(
      (s) =>
        new HostedZone(s, "zone", {
          name: "mile-quest.com",
          queryLogging: { retentionDays: 30, kmsKeyArn: KEY },
          dnssec: { kmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/ksk" },
          deletionProtection: true,
        }),
    );
    const zone = only(resource.aws_route53_zone, "zone");
    expect(zone).toMatchObject({ name: "mile-quest.com", force_destroy: false, lifecycle: { prevent_destroy: true } });
    expect(zone.vpc).toBeUndefined();
    expect(only(resource.aws_cloudwatch_log_group, "log group")).toMatchObject({ name: "/aws/route53/mile-quest.com", retention_in_days: 30, kms_key_id: KEY });
    const doc = only(data.aws_iam_policy_document, "doc");
    expect(doc.statement[0]).toMatchObject({
      principals: [{ type: "Service", identifiers: ["route53.amazonaws.com"] }],
      resources: [expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.zone_query-log-group_[A-Z0-9]+\.arn\}:\*$/)],
    });
    const ql = only(resource.aws_route53_query_log, "query log");
    expect(ql.zone_id).toMatch(/^\$\{aws_route53_zone\.zone_[A-Z0-9]+\.zone_id\}$/);
    expect(ql.depends_on).toEqual([expect.stringMatching(/^aws_cloudwatch_log_resource_policy\.zone_query-log-policy_/)]);
    expect(only(resource.aws_route53_key_signing_key, "ksk")).toMatchObject({
      name: "milequestcomksk",
      status: "ACTIVE",
      key_management_service_arn: "arn:aws:kms:us-east-1:111111111111:key/ksk",
    });
    expect(only(resource.aws_route53_hosted_zone_dnssec, "dnssec")).toMatchObject({ signing_status: "SIGNING" });
  });

  it("puts the query log group on a us-east-1 provider when given one", () => {
    const { resource } = synthJson((s) => {
      const use1 = new AwsProvider(s, "use1", { region: "us-east-1", alias: "use1" });
      new HostedZone(s, "zone", { name: "example-corp.com", queryLogging: { retentionDays: 7, provider: use1 } });
    });
    expect(only(resource.aws_cloudwatch_log_group, "group").provider).toBe("aws.use1");
    expect(only(resource.aws_cloudwatch_log_resource_policy, "policy").provider).toBe("aws.use1");
  });

  it("creates private zones and refuses public-only features on them", () => {
    const { resource } = synthJson((s) => new HostedZone(s, "z", { name: "internal.example.com", vpcs: [{ vpcId: "vpc-1", region: "eu-west-1" }] }));
    expect(only(resource.aws_route53_zone, "zone").vpc).toEqual([{ vpc_id: "vpc-1", vpc_region: "eu-west-1" }]);
    expect(() =>
      synthJson(
        (s) =>
          new HostedZone(s, "z", {
            name: "internal.example.com",
            vpcs: [{ vpcId: "vpc-1" }],
            queryLogging: { logGroupArn: "arn" },
            dnssec: { kmsKeyArn: KEY },
          }),
      ),
    ).toThrow(
      'HostedZone "internal.example.com": query logging is for public zones (use Route 53 Resolver query logging for private zones); DNSSEC signing is for public zones',
    );
  });
});

describe("Certificate", () => {
  it("validates through one record per domain and exposes the validated ARN", () => {
    const { resource } = synthJson((s) => {
      const use1 = new AwsProvider(s, "use1", { region: "us-east-1", alias: "use1" });
      const cert = new Certificate(s, "cert", { domainName: "aerologue.app", subjectAlternativeNames: ["*.aerologue.app"], zoneId: "Z123", provider: use1 });
      expect(cert.certificateArn).toContain("TOKEN");
    });
    expect(only(resource.aws_acm_certificate, "cert")).toMatchObject({
      domain_name: "aerologue.app",
      subject_alternative_names: ["*.aerologue.app"],
      validation_method: "DNS",
      key_algorithm: "RSA_2048",
      provider: "aws.use1",
      lifecycle: { create_before_destroy: true },
    });
    const record = only(resource.aws_route53_record, "validation record");
    expect(record).toMatchObject({
      zone_id: "Z123",
      allow_overwrite: true,
      ttl: 60,
      name: "${each.value.resource_record_name}",
      records: ["${each.value.resource_record_value}"],
      for_each: expect.stringMatching(
        /^\$\{\{ for key, val in tolist\(aws_acm_certificate\.cert_certificate_[A-Z0-9]+\.domain_validation_options\): val\.domain_name => val \}\}$/,
      ),
    });
    const validation = only(resource.aws_acm_certificate_validation, "validation");
    expect(validation.validation_record_fqdns).toMatch(/^\$\{\[ for key, val in aws_route53_record\.cert_validation-record_[A-Z0-9]+: val\.fqdn\]\}$/);
    expect(validation.provider).toBe("aws.use1");
  });

  it("rejects malformed names", () => {
    expect(() => synthJson((s) => new Certificate(s, "c", { domainName: "Bad_Domain", zoneId: "Z" }))).toThrow(
      'Certificate "Bad_Domain": "Bad_Domain" is not a lower-case domain name',
    );
  });
});

describe("records", () => {
  it("aliases A and AAAA to CloudFront", () => {
    const { resource } = synthJson(
      (s) =>
        new AliasRecord(s, "apex", {
          zoneId: "Z1",
          name: "aerologue.app",
          target: { dnsName: "d123.cloudfront.net", hostedZoneId: CLOUDFRONT_HOSTED_ZONE_ID },
        }),
    );
    const records = Object.values(resource.aws_route53_record as Json) as Json[];
    expect(records.map((r) => r.type).sort()).toEqual(["A", "AAAA"]);
    for (const r of records) expect(r.alias).toEqual({ name: "d123.cloudfront.net", zone_id: "Z2FDTNDATAQYW2", evaluate_target_health: false });
  });

  it("writes simple records with a TTL (seed 001: A to the Elastic IP, CNAME www)", () => {
    const { resource } = synthJson((s) => {
      new Record(s, "apex", { zoneId: "Z1", name: "accountabilityatlas.com", type: "A", values: ["203.0.113.10"] });
      new Record(s, "www", { zoneId: "Z1", name: "www.accountabilityatlas.com", type: "CNAME", values: ["accountabilityatlas.com"], ttl: 3600 });
    });
    const records = Object.values(resource.aws_route53_record as Json) as Json[];
    expect(records).toContainEqual({ zone_id: "Z1", name: "accountabilityatlas.com", type: "A", ttl: 300, records: ["203.0.113.10"] });
    expect(records).toContainEqual({ zone_id: "Z1", name: "www.accountabilityatlas.com", type: "CNAME", ttl: 3600, records: ["accountabilityatlas.com"] });
    expect(() => synthJson((s) => new Record(s, "x", { zoneId: "Z1", name: "x", type: "CNAME", values: ["a", "b"] }))).toThrow(
      'Record CNAME "x": a CNAME has exactly one value',
    );
  });
});

describe("HealthCheck and FailoverRecordSet", () => {
  it("checks HTTPS with SNI and fails over from primary to secondary", () => {
    const { resource } = synthJson((s) => {
      const hc = new HealthCheck(s, "primary-hc", {
        fqdn: "api-use1.mile-quest.com",
        path: "/health",
        port: 443,
        type: "HTTPS",
        requestInterval: 10,
        regions: ["us-east-1", "us-west-2", "eu-west-1"],
      });
      new FailoverRecordSet(s, "api", {
        zoneId: "Z1",
        name: "api.mile-quest.com",
        type: "A",
        primary: {
          target: { alias: { dnsName: "d-abc.execute-api.us-east-1.amazonaws.com", hostedZoneId: "Z1UJRXOUMOOFQ8" } },
          healthCheckId: hc.healthCheckId,
        },
        secondary: { target: { alias: { dnsName: "d-def.execute-api.us-west-2.amazonaws.com", hostedZoneId: "Z2OJLYMUO9EFXC" } } },
      });
    });
    expect(only(resource.aws_route53_health_check, "hc")).toEqual({
      type: "HTTPS",
      fqdn: "api-use1.mile-quest.com",
      port: 443,
      resource_path: "/health",
      request_interval: 10,
      failure_threshold: 3,
      regions: ["us-east-1", "us-west-2", "eu-west-1"],
      measure_latency: false,
      enable_sni: true,
      tags: { Name: "api-use1.mile-quest.com/health" },
    });
    const records = resource.aws_route53_record as Json;
    const primary = Object.entries(records).find(([k]) => k.startsWith("api_primary"))![1] as Json;
    const secondary = Object.entries(records).find(([k]) => k.startsWith("api_secondary"))![1] as Json;
    expect(primary).toMatchObject({
      name: "api.mile-quest.com",
      type: "A",
      set_identifier: "primary",
      failover_routing_policy: { type: "PRIMARY" },
      health_check_id: expect.stringMatching(/^\$\{aws_route53_health_check\.primary-hc_health-check_[A-Z0-9]+\.id\}$/),
      alias: { name: "d-abc.execute-api.us-east-1.amazonaws.com", zone_id: "Z1UJRXOUMOOFQ8", evaluate_target_health: false },
    });
    expect(secondary).toMatchObject({ set_identifier: "secondary", failover_routing_policy: { type: "SECONDARY" } });
    expect(secondary.health_check_id).toBeUndefined();
  });

  it("supports value targets with a short TTL", () => {
    const { resource } = synthJson(
      (s) =>
        new FailoverRecordSet(s, "app", {
          zoneId: "Z1",
          name: "app.example.com",
          primary: { target: { values: ["198.51.100.1"] }, healthCheckId: "hc-1" },
          secondary: { target: { values: ["198.51.100.2"], ttl: 30 } },
        }),
    );
    const records = Object.values(resource.aws_route53_record as Json) as Json[];
    expect(records.map((r) => [r.set_identifier, r.records, r.ttl])).toEqual([
      ["primary", ["198.51.100.1"], 60],
      ["secondary", ["198.51.100.2"], 30],
    ]);
  });

  it("rejects a primary without health and bad health check settings", () => {
    expect(
      validateFailoverRecordSet({
        zoneId: "Z",
        name: "x",
        primary: { target: { values: [] }, setIdentifier: "a" },
        secondary: { target: { values: ["1.1.1.1"] }, setIdentifier: "a" },
      }),
    ).toEqual([
      "primary: values must not be empty",
      "primary needs a healthCheckId (or an alias with evaluateTargetHealth): without one Route 53 never fails over",
      'primary and secondary need different setIdentifiers, both are "a"',
    ]);
    expect(validateHealthCheckProps({ fqdn: "x", failureThreshold: 11, regions: ["us-east-1"], type: "HTTPS_STR_MATCH", path: "health" })).toEqual([
      "failureThreshold 11 must be 1..10",
      "regions needs at least 3 checker regions, got 1",
      "type HTTPS_STR_MATCH needs a searchString",
      'path "health" must start with "/"',
    ]);
  });
});

describe("LatencyRecord", () => {
  it("routes by latency with one set per region", () => {
    const { resource } = synthJson(
      (s) =>
        new LatencyRecord(s, "api", {
          zoneId: "Z1",
          name: "api.aerologue.app",
          endpoints: [
            {
              region: "us-east-1",
              target: { alias: { dnsName: "a.execute-api.us-east-1.amazonaws.com", hostedZoneId: "Z1UJRXOUMOOFQ8" } },
              healthCheckId: "hc-use1",
            },
            {
              region: "eu-west-1",
              target: { alias: { dnsName: "b.execute-api.eu-west-1.amazonaws.com", hostedZoneId: "ZLY8HYME6SFDD" } },
              healthCheckId: "hc-euw1",
            },
          ],
        }),
    );
    const records = Object.values(resource.aws_route53_record as Json) as Json[];
    expect(records.map((r) => [r.set_identifier, r.latency_routing_policy, r.health_check_id])).toEqual([
      ["eu-west-1", { region: "eu-west-1" }, "hc-euw1"],
      ["us-east-1", { region: "us-east-1" }, "hc-use1"],
    ]);
    expect(() =>
      synthJson((s) => new LatencyRecord(s, "x", { zoneId: "Z", name: "x", endpoints: [{ region: "us-east-1", target: { values: ["1.1.1.1"] } }] })),
    ).toThrow('LatencyRecord "x": latency routing needs at least 2 endpoints');
  });
});

describe("GeolocationRecord", () => {
  it("answers by continent and country with a default for the rest", async () => {
    const { GeolocationRecord } = await import("./records");
    const { resource } = synthJson(
      (s) =>
        new GeolocationRecord(s, "api", {
          zoneId: "Z1",
          name: "api.aerologue.app",
          endpoints: [
            { setIdentifier: "europe", location: { continent: "EU" }, target: { values: ["198.51.100.1"] } },
            { setIdentifier: "singapore", location: { country: "SG" }, target: { values: ["198.51.100.2"] } },
            { setIdentifier: "default", location: { default: true }, target: { values: ["198.51.100.3"] } },
          ],
        }),
    );
    const records = Object.values(resource.aws_route53_record as Json) as Json[];
    expect(records.map((r) => [r.set_identifier, r.geolocation_routing_policy]).sort()).toEqual([
      ["default", { country: "*" }],
      ["europe", { continent: "EU" }],
      ["singapore", { country: "SG" }],
    ]);
    expect(() =>
      synthJson(
        (s) =>
          new GeolocationRecord(s, "x", {
            zoneId: "Z",
            name: "x",
            endpoints: [{ setIdentifier: "eu", location: { continent: "EU" }, target: { values: ["1.1.1.1"] } }],
          }),
      ),
    ).toThrow('GeolocationRecord "x": a default endpoint ({ location: { default: true } }) is required');
  });
});

describe("HostedZone delegation (ADR 0014)", () => {
  it("a parent zone of the stack: NS (and DS of a signed child) records go into it, fed by the child's own attributes", () => {
    const { resource } = synthJson((s) => {
      const parent = new HostedZone(s, "parent", { name: "corp-app.org" });
      new HostedZone(s, "child", {
        name: "dev.corp-app.org",
        dnssec: { kmsKeyArn: KEY },
        delegation: { kind: "parent-zone", zoneId: parent.zoneId, zoneName: "corp-app.org" },
      });
    });
    const zones = Object.keys(resource.aws_route53_zone as Json);
    const parent = zones.find((z) => z.startsWith("parent_"))!;
    const child = zones.find((z) => z.startsWith("child_"))!;
    const ksk = Object.keys(resource.aws_route53_key_signing_key as Json)[0]!;
    const records = (Object.values(resource.aws_route53_record as Json) as Json[]).sort((a, b) => String(a.type).localeCompare(String(b.type))).reverse();
    expect(records).toEqual([
      expect.objectContaining({
        name: "dev.corp-app.org",
        type: "NS",
        ttl: 172800,
        zone_id: `\${aws_route53_zone.${parent}.zone_id}`,
        records: `\${aws_route53_zone.${child}.name_servers}`,
      }),
      expect.objectContaining({
        name: "dev.corp-app.org",
        type: "DS",
        ttl: 172800,
        zone_id: `\${aws_route53_zone.${parent}.zone_id}`,
        records: [`\${aws_route53_key_signing_key.${ksk}.ds_record}`],
        depends_on: [expect.stringMatching(/^aws_route53_hosted_zone_dnssec\.child_dnssec_/)],
      }),
    ]);
  });

  it("other delegations create no record: they are fresh-account prerequisites (registrar, another account's zone)", () => {
    const { resource } = synthJson((s) => {
      new HostedZone(s, "apex", { name: "corp-app.org" });
      new HostedZone(s, "sub", { name: "staging.corp-app.org", delegation: { kind: "external-zone", zone: "corp-app.org", env: "prod" } });
    });
    expect(resource.aws_route53_record).toBeUndefined();
  });

  it("refuses reserved names, delegating a private zone, and a parent the zone does not sit under", () => {
    expect(() => synthJson((s) => new HostedZone(s, "z", { name: "dev.platform.example.com" }))).toThrow(
      'HostedZone "dev.platform.example.com": "example.com" is a reserved domain (RFC 2606/6761)',
    );
    expect(() => synthJson((s) => new HostedZone(s, "z", { name: "app.test" }))).toThrow('"test" is a reserved domain');
    expect(() => synthJson((s) => new HostedZone(s, "z", { name: "corp.internal", vpcs: [{ vpcId: "vpc-1" }], delegation: { kind: "registrar" } }))).toThrow(
      "a private zone is not delegated",
    );
    expect(() =>
      synthJson((s) => new HostedZone(s, "z", { name: "dev.corp-app.org", delegation: { kind: "parent-zone", zoneId: "Z1", zoneName: "other-corp.org" } })),
    ).toThrow('"dev.corp-app.org" is not under its parent zone "other-corp.org"');
  });
});

describe("Certificate on a reserved name", () => {
  it("is refused: ACM never validates it", () => {
    expect(() => synthJson((s) => new Certificate(s, "c", { domainName: "api.example.org", zoneId: "Z" }))).toThrow(
      'Certificate "api.example.org": "example.org" is a reserved domain',
    );
    expect(() => synthJson((s) => new Certificate(s, "c", { domainName: "corp-app.org", subjectAlternativeNames: ["www.corp.example"], zoneId: "Z" }))).toThrow(
      '"example" is a reserved domain',
    );
  });
});

describe("TargetRecord", () => {
  it("keeps Record's address under the same id while its target moves from values to an alias (updated in place)", () => {
    const address = (json: { resource: Json }) => Object.keys(json.resource.aws_route53_record as Json);
    const before = synthJson((s) => new Record(s, "apex", { zoneId: "Z1", name: "corp-app.org", type: "A", values: ["198.51.100.7"], ttl: 300 }));
    const values = synthJson((s) => new TargetRecord(s, "apex", { zoneId: "Z1", name: "corp-app.org", target: { values: ["198.51.100.7"], ttl: 300 } }));
    const alias = synthJson(
      (s) =>
        new TargetRecord(s, "apex", {
          zoneId: "Z1",
          name: "corp-app.org",
          target: { alias: { dnsName: "d1.cloudfront.net", hostedZoneId: CLOUDFRONT_HOSTED_ZONE_ID } },
        }),
    );
    expect(address(values)).toEqual(address(before));
    expect(address(alias)).toEqual(address(before));
    expect(values.resource).toEqual(before.resource);
    expect(only(alias.resource.aws_route53_record, "record")).toMatchObject({
      type: "A",
      alias: { name: "d1.cloudfront.net", zone_id: CLOUDFRONT_HOSTED_ZONE_ID, evaluate_target_health: false },
    });
    expect(only(alias.resource.aws_route53_record, "record").ttl).toBeUndefined();
    expect(() => synthJson((s) => new TargetRecord(s, "x", { zoneId: "Z1", name: "x.corp-app.org", target: { values: [] } }))).toThrow(
      'TargetRecord "x.corp-app.org": target: values must not be empty',
    );
  });
});
