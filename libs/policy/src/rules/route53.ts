import type { PolicyRule, SynthResource } from "../types";
import { blocks, finding } from "./helpers";

// Query logging and DNSSEC signing exist for public zones only (private zones use Resolver logging).
const isPublic = (zone: SynthResource) => blocks(zone.values, "vpc").length === 0;

/** Who resolved which name, when: DNS is often the first trace of an attack. */
export const route53QueryLogging: PolicyRule = {
  id: "INF-R53-001",
  title: "Public Route 53 zone has query logging",
  mirrors: ["CKV2_AWS_39"],
  catalogue: [69],
  resourceTypes: ["aws_route53_zone"],
  severity: "low",
  appliesTo: isPublic,
  check: (zone, index) =>
    index.referencing(zone, "aws_route53_query_log", "zone_id").length
      ? []
      : [finding("aws_route53_query_log", undefined, "query logging to a CloudWatch log group (us-east-1)")],
};

/** Signed answers stop resolvers from accepting forged records for our names. */
export const route53Dnssec: PolicyRule = {
  id: "INF-R53-002",
  title: "Public Route 53 zone has DNSSEC signing",
  mirrors: ["CKV2_AWS_38"],
  catalogue: [69],
  resourceTypes: ["aws_route53_zone"],
  severity: "low",
  appliesTo: isPublic,
  check(zone, index) {
    // The provider's documented pattern points hosted_zone_id at the key-signing key, which points at the zone.
    const viaKsk = index
      .referencing(zone, "aws_route53_key_signing_key", "hosted_zone_id")
      .flatMap((ksk) => index.referencing(ksk, "aws_route53_hosted_zone_dnssec", "hosted_zone_id"));
    const signed = viaKsk.length > 0 || index.referencing(zone, "aws_route53_hosted_zone_dnssec", "hosted_zone_id").length > 0;
    return signed ? [] : [finding("aws_route53_hosted_zone_dnssec", undefined, "DNSSEC signing with a KMS key-signing key")];
  },
};
