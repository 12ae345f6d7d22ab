import { describe, expect, it } from "vitest";
import { ACCOUNT, EnvFixture, preflightFailures, preflightStatuses } from "../test-harness";
import { zoneDelegation as rule } from "./zone-delegation";

/** The shape cdktf gives a certificate validated through a zone: for_each over domain_validation_options. */
function certificate(domain: string, zoneRef: string) {
  return {
    aws_acm_certificate: { cert: { domain_name: domain, validation_method: "DNS" } },
    aws_route53_record: {
      validation: {
        for_each: "${{ for key, val in tolist(aws_acm_certificate.cert.domain_validation_options): val.domain_name => val }}",
        name: "${each.value.resource_record_name}",
        records: ["${each.value.resource_record_value}"],
        type: "${each.value.resource_record_type}",
        ttl: 60,
        zone_id: zoneRef,
        allow_overwrite: true,
      },
    },
    aws_acm_certificate_validation: {
      cert: { certificate_arn: "${aws_acm_certificate.cert.arn}", validation_record_fqdns: "${[ for key, val in aws_route53_record.validation: val.fqdn]}" },
    },
  };
}

describe("PRE-DNS-001 validating zones are delegated", () => {
  it("Compliance: a sub-zone delegated by an NS record fed by its name servers, and an apex declared a prerequisite, pass", () => {
    const e = new EnvFixture({ apex: {}, child: { resource: { aws_route53_zone: { dev: { name: "dev.acme.io" } } } }, app: {} });
    const ns = e.ref("child", "apex", "aws_route53_zone.dev.name_servers");
    const apexCertificate = certificate("acme.io", "${aws_route53_zone.apex.zone_id}");
    e.add("apex", {
      resource: {
        ...apexCertificate,
        aws_route53_zone: { apex: { name: "acme.io" } },
        aws_route53_record: {
          ...apexCertificate.aws_route53_record,
          dev: { zone_id: "${aws_route53_zone.apex.zone_id}", name: "dev.acme.io", type: "NS", ttl: 172800, records: ns },
        },
      },
    });
    e.add("app", { resource: certificate("api.dev.acme.io", e.ref("child", "app", "aws_route53_zone.dev.zone_id")) });
    expect(preflightStatuses(rule, e, { prerequisites: { zones: [{ name: "acme.io", declaredBy: "environments/prod/env.ts" }] } })).toEqual({
      "apex/aws_route53_zone.apex": "passed",
      "apex/aws_acm_certificate.cert": "passed",
      "child/aws_route53_zone.dev": "passed",
      "app/aws_acm_certificate.cert": "passed",
    });
  });

  it("Noncompliance: an undelegated sub-zone, an undeclared apex and a zone under example.com fail", () => {
    const e = new EnvFixture({ dns: {}, app: {}, web: {} });
    e.add("app", { resource: certificate("api.dev.acme.io", e.ref("dns", "app", "aws_route53_zone.dev.zone_id")) });
    e.add("web", { resource: certificate("app.dev.platform.example.com", e.ref("dns", "web", "aws_route53_zone.platform.zone_id")) });
    e.add("dns", {
      resource: {
        ...certificate("acme.io", "${aws_route53_zone.apex.zone_id}"),
        aws_route53_zone: { apex: { name: "acme.io" }, dev: { name: "dev.acme.io" }, platform: { name: "dev.platform.example.com" } },
      },
    });
    expect(preflightFailures(rule, e).map((f) => [f.address, f.found])).toEqual([
      ["dns/aws_route53_zone.apex", "acme.io (no parent zone in the env: delegated by a registrar or another account)"],
      ["dns/aws_route53_zone.dev", "dev.acme.io (sub-zone of acme.io in dns; no NS record there)"],
      ["dns/aws_route53_zone.platform", "dev.platform.example.com"],
      ["web/aws_acm_certificate.cert", "app.dev.platform.example.com"],
    ]);
  });

  it("Compliance: zones whose delegation a construct declared a prerequisite of their account (registrar apex, parent zone in another env's account) pass", () => {
    // dev.acme.io's parent acme.io lives in the prod account: no NS record can be created in this env.
    const dev = "222222222222";
    const e = new EnvFixture({ dns: { account: dev, resource: { aws_route53_zone: { dev: { name: "Dev.Acme.io." } } } }, app: { account: dev } });
    e.add("app", { account: dev, resource: certificate("api.dev.acme.io", e.ref("dns", "app", "aws_route53_zone.dev.zone_id")) });
    const declared = { name: "dev.acme.io", account: dev, declaredBy: "dev-us-east-1-dns-zone/zone" };
    expect(preflightStatuses(rule, e, { prerequisites: { zones: [declared] } })).toEqual({
      "dns/aws_route53_zone.dev": "passed",
      "app/aws_acm_certificate.cert": "passed",
    });
    const apex = new EnvFixture({
      dns: { resource: { ...certificate("acme.io", "${aws_route53_zone.apex.zone_id}"), aws_route53_zone: { apex: { name: "acme.io" } } } },
    });
    expect(
      preflightStatuses(rule, apex, { prerequisites: { zones: [{ name: "acme.io", account: ACCOUNT, declaredBy: "prod-us-east-1-dns-zone/zone" }] } }),
    ).toEqual({
      "dns/aws_route53_zone.apex": "passed",
      "dns/aws_acm_certificate.cert": "passed",
    });
  });

  it("Noncompliance: a delegation declared for another account, or for another zone, does not count", () => {
    const e = new EnvFixture({
      dns: { resource: { ...certificate("acme.io", "${aws_route53_zone.apex.zone_id}"), aws_route53_zone: { apex: { name: "acme.io" } } } },
    });
    const elsewhere = {
      prerequisites: {
        zones: [
          { name: "acme.io", account: "999999999999", declaredBy: "staging-us-east-1-dns-zone" },
          { name: "www.acme.io", account: ACCOUNT, declaredBy: "x" },
        ],
      },
    };
    expect(preflightFailures(rule, e, elsewhere).map((f) => [f.address, f.found])).toEqual([
      ["dns/aws_route53_zone.apex", "acme.io (no parent zone in the env: delegated by a registrar or another account)"],
    ]);
  });
});
