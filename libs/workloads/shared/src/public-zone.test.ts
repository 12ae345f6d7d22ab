import type { BuildContext } from "@infra/core";
import { synthStack } from "@infra/testing-core/stack";
import { describe, expect, it } from "vitest";
import { publicZone } from "./public-zone";

/** Only what publicZone reads: the account, and a `parent` dependency with a zoneRef. */
const ctx = (parent?: { zoneRef: { zoneId: string; zoneName: string } }) =>
  ({ env: { accountId: "111111111111" }, dependency: (name: string) => (name === "parent" ? parent : undefined) }) as unknown as BuildContext;

const base = { domain: "dev.shop.com", comment: "Shop dev", deletionProtection: false, delegation: { kind: "registrar" as const } };

describe("publicZone", () => {
  it("signs the zone only when asked (a KMS signing key and a key-signing key), logs queries only when given", () => {
    const signed = synthStack((s) => {
      publicZone(s, ctx(), { ...base, dnssec: true, queryLogging: { retentionDays: 30, kmsKeyArn: "arn:logs" } });
    });
    expect(Object.keys(signed.resource)).toEqual(
      expect.arrayContaining(["aws_route53_zone", "aws_kms_key", "aws_route53_key_signing_key", "aws_route53_query_log"]),
    );
    const plain = synthStack((s) => {
      publicZone(s, ctx(), { ...base, dnssec: false });
    });
    expect(Object.keys(plain.resource)).toContain("aws_route53_zone");
    expect(Object.keys(plain.resource)).not.toContain("aws_kms_key");
    expect(Object.keys(plain.resource)).not.toContain("aws_route53_query_log");
  });

  it("an env-zone delegation needs the parent dependency's zoneRef", () => {
    expect(() => synthStack((s) => publicZone(s, ctx(), { ...base, dnssec: false, delegation: { kind: "env-zone" } }))).toThrow(
      '"parent" dependency returns no zoneRef',
    );
    const child = synthStack((s) => {
      publicZone(s, ctx({ zoneRef: { zoneId: "Z123", zoneName: "shop.com" } }), { ...base, dnssec: false, delegation: { kind: "env-zone" } });
    });
    expect(JSON.stringify(child.resource["aws_route53_record"])).toContain("Z123");
  });
});
