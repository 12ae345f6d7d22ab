import type { ZoneDelegationInput } from "@infra/config";
import type { BuildContext } from "@infra/core";
import { DnssecSigningKey, HostedZone, type QueryLogging, type ZoneRef, zoneDelegationOf } from "@infra/dns";
import type { Construct } from "constructs";

/** A workload's public zone, as its zone module's inputs describe it. */
export interface PublicZoneProps {
  /** The zone's domain, e.g. staging.mile-quest.com. */
  readonly domain: string;
  readonly comment: string;
  /** Query logs to a CMK-encrypted log group (Route 53 writes them in us-east-1). @default none */
  readonly queryLogging?: QueryLogging;
  /** Sign the zone: an ECC P-256 KMS key (construct id "dnssec") that Route 53's DNSSEC service may use. */
  readonly dnssec: boolean;
  readonly deletionProtection: boolean;
  /** How the parent domain delegates to the zone; "env-zone" reads the `parent` dependency's `zoneRef`. */
  readonly delegation: ZoneDelegationInput;
  /** @default the stack's tags only */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The public zone every workload with a domain builds (construct ids "dnssec" and "zone", so addresses
 * stay): optional DNSSEC signing, optional query logging, and the delegation from its parent. The
 * `parent` dependency may be any workload's zone, so it is read structurally (ADR 0120).
 */
export function publicZone(scope: Construct, ctx: BuildContext, props: PublicZoneProps): HostedZone {
  const signing = props.dnssec
    ? new DnssecSigningKey(scope, "dnssec", {
        name: props.domain.replace(/\./g, "-"),
        accountId: ctx.env.accountId,
        deletionProtection: props.deletionProtection,
      })
    : undefined;
  return new HostedZone(scope, "zone", {
    name: props.domain,
    comment: props.comment,
    ...(props.queryLogging ? { queryLogging: props.queryLogging } : {}),
    ...(signing ? { dnssec: { kmsKeyArn: signing.keyArn } } : {}),
    deletionProtection: props.deletionProtection,
    ...(props.tags ? { tags: props.tags } : {}),
    delegation: zoneDelegationOf(props.delegation, () => ctx.dependency<{ zoneRef?: ZoneRef }>("parent")),
  });
}
