import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { CloudwatchLogResourcePolicy } from "@cdktf/provider-aws/lib/cloudwatch-log-resource-policy";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { Route53HostedZoneDnssec } from "@cdktf/provider-aws/lib/route53-hosted-zone-dnssec";
import { Route53KeySigningKey } from "@cdktf/provider-aws/lib/route53-key-signing-key";
import { Route53QueryLog } from "@cdktf/provider-aws/lib/route53-query-log";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { LOG_RETENTION_DAYS, parentDomain, reservedDomainError, throwIfInvalid } from "@infra/config";
import { markLibrary, provideRequirement, requirePrerequisite } from "@infra/core";
import { declareLogGroupKey } from "@infra/kms";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";

/**
 * Route 53 writes query logs only to a log group in us-east-1 named `/aws/route53/...`.
 * Either point at one that exists, or let the zone create it (through a us-east-1 provider).
 */
export type QueryLogging =
  | { readonly logGroupArn: string }
  | {
      readonly retentionDays: number;
      /** CMK in us-east-1 for the log group. @default none */
      readonly kmsKeyArn?: string;
      /** An AWS provider for us-east-1. @default the stack's provider (which must then be us-east-1) */
      readonly provider?: TerraformProvider;
    };

/**
 * How a public zone's name servers reach its parent (docs/adr/0014-dns-delegation.md). Until they
 * do, nothing resolves in the zone and ACM DNS validation under it waits until it times out.
 * - `registrar`: an apex domain, delegated at its registrar (a fresh-account prerequisite);
 * - `external-zone`: a parent zone in another account (`env`) or outside this repo (a prerequisite);
 * - `parent-zone`: a parent zone of this account: the NS records (and the DS record of a signed
 *   zone) are created in it here, so the delegation exists before anything validates in the zone.
 */
export type ZoneDelegation =
  | { readonly kind: "registrar" }
  | { readonly kind: "external-zone"; readonly zone: string; readonly env?: string }
  | { readonly kind: "parent-zone"; readonly zoneId: string; readonly zoneName: string; /** NS/DS TTL in seconds. @default 172800 */ readonly ttl?: number };

export interface HostedZoneProps {
  /** Zone apex, e.g. "aerologue.app". */
  readonly name: string;
  /** @default "Managed by Terraform" */
  readonly comment?: string;
  /** Private zone associated with these VPCs. @default none (public zone) */
  readonly vpcs?: readonly { readonly vpcId: string; readonly region?: string }[];
  /** Public zones only. @default none */
  readonly queryLogging?: QueryLogging;
  /**
   * DNSSEC signing (public zones). The key must be an asymmetric ECC_NIST_P256 SIGN_VERIFY CMK in
   * us-east-1 whose policy lets dnssec-route53.amazonaws.com use it. The parent zone / registrar
   * needs the DS record afterwards. @default none
   */
  readonly dnssec?: { readonly kmsKeyArn: string; readonly keySigningKeyName?: string };
  /** prevent_destroy on the zone (recreating a zone changes its name servers). @default false */
  readonly deletionProtection?: boolean;
  /**
   * Public zones: where the delegation comes from. @default an apex (two labels) at its registrar,
   * any other name from the zone one label up, outside this app
   */
  readonly delegation?: ZoneDelegation;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A Route 53 hosted zone with optional query logging and DNSSEC. */
export class HostedZone extends Construct {
  readonly zoneId: string;
  readonly zoneArn: string;
  readonly name: string;
  readonly nameServers: string[];
  /** The KSK's DS record to give the parent zone, when DNSSEC is on. */
  readonly dsRecord?: string;
  private signing?: Route53HostedZoneDnssec;

  constructor(scope: Construct, id: string, props: HostedZoneProps) {
    super(scope, id);
    markLibrary(this, "dns");
    const isPrivate = (props.vpcs ?? []).length > 0;
    const ql = props.queryLogging;
    throwIfInvalid(`HostedZone "${props.name}"`, [
      /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\.?$/.test(props.name) ? undefined : `"${props.name}" is not a lower-case domain name`,
      isPrivate && ql ? "query logging is for public zones (use Route 53 Resolver query logging for private zones)" : undefined,
      isPrivate && props.dnssec ? "DNSSEC signing is for public zones" : undefined,
      isPrivate && props.delegation ? "a private zone is not delegated (it answers only in its VPCs)" : undefined,
      !isPrivate ? reservedDomainError(props.name) : undefined,
      props.delegation?.kind === "parent-zone" && !props.name.endsWith(`.${props.delegation.zoneName.replace(/\.$/, "")}`)
        ? `"${props.name}" is not under its parent zone "${props.delegation.zoneName}"`
        : undefined,
      ql && "retentionDays" in ql && !(LOG_RETENTION_DAYS as readonly number[]).includes(ql.retentionDays)
        ? `queryLogging.retentionDays ${ql.retentionDays} must be one of ${LOG_RETENTION_DAYS.join(", ")}`
        : undefined,
    ]);
    const tags = { ...(props.tags ?? {}), Name: props.name };
    const zone = new Route53Zone(this, "zone", {
      name: props.name,
      comment: props.comment ?? "Managed by Terraform",
      vpc: isPrivate ? props.vpcs!.map((v) => ({ vpcId: v.vpcId, vpcRegion: v.region })) : undefined,
      forceDestroy: false,
      tags,
      lifecycle: props.deletionProtection ? { preventDestroy: true } : undefined,
    });
    this.zoneId = zone.zoneId;
    this.zoneArn = zone.arn;
    this.name = props.name;
    this.nameServers = zone.nameServers;

    if (ql) this.addQueryLogging(zone, props.name, ql, tags);
    if (props.dnssec) {
      const ksk = new Route53KeySigningKey(this, "ksk", {
        hostedZoneId: zone.id,
        keyManagementServiceArn: props.dnssec.kmsKeyArn,
        name: props.dnssec.keySigningKeyName ?? `${props.name.replace(/[^A-Za-z0-9]/g, "")}ksk`.slice(0, 128),
        status: "ACTIVE",
      });
      this.signing = new Route53HostedZoneDnssec(this, "dnssec", { hostedZoneId: ksk.hostedZoneId, signingStatus: "SIGNING", dependsOn: [ksk] });
      this.dsRecord = ksk.dsRecord;
    }
    if (!isPrivate) this.delegate(props.name, props.delegation ?? defaultDelegation(props.name));
  }

  /** The NS (and DS) records in a parent zone of this account, or the prerequisite that someone creates them. */
  private delegate(name: string, delegation: ZoneDelegation): void {
    if (delegation.kind === "parent-zone") {
      const ttl = delegation.ttl ?? 172800;
      new Route53Record(this, "delegation-ns", { zoneId: delegation.zoneId, name, type: "NS", ttl, records: this.nameServers });
      // A DS record published before the zone signs makes validating resolvers reject the whole zone.
      if (this.dsRecord && this.signing) {
        new Route53Record(this, "delegation-ds", { zoneId: delegation.zoneId, name, type: "DS", ttl, records: [this.dsRecord], dependsOn: [this.signing] });
      }
      provideRequirement(this, { kind: "zone-delegation", zone: name, parent: { kind: "zone", zone: delegation.zoneName } });
      return;
    }
    const parent =
      delegation.kind === "registrar"
        ? ({ kind: "registrar" } as const)
        : { kind: "zone" as const, zone: delegation.zone, ...(delegation.env ? { env: delegation.env } : {}) };
    requirePrerequisite(this, {
      requirement: { kind: "zone-delegation", zone: name, parent, ...(this.dsRecord ? { signed: true } : {}) },
      createdHere: true,
      reason: `the zone's name servers are known once it exists; until the parent delegates to them nothing in ${name} resolves${this.dsRecord ? " (the zone is signed: give the parent its DS record too)" : ""}`,
    });
  }

  private addQueryLogging(zone: Route53Zone, name: string, ql: QueryLogging, tags: Record<string, string>): void {
    if ("logGroupArn" in ql) {
      new Route53QueryLog(this, "query-log", { zoneId: zone.zoneId, cloudwatchLogGroupArn: ql.logGroupArn });
      return;
    }
    const group = new CloudwatchLogGroup(this, "query-log-group", {
      provider: ql.provider,
      name: `/aws/route53/${name}`,
      retentionInDays: ql.retentionDays,
      kmsKeyId: ql.kmsKeyArn,
      tags,
    });
    declareLogGroupKey(group, ql.kmsKeyArn);
    // Route 53 writes through a log resource policy; scoped to this one log group.
    const doc = new DataAwsIamPolicyDocument(this, "query-log-policy-document", {
      provider: ql.provider,
      statement: [
        {
          sid: "Route53QueryLogs",
          effect: "Allow",
          actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
          principals: [{ type: "Service", identifiers: ["route53.amazonaws.com"] }],
          resources: [`${group.arn}:*`],
        },
      ],
    });
    const policy = new CloudwatchLogResourcePolicy(this, "query-log-policy", {
      provider: ql.provider,
      policyName: `route53-query-logs-${name}`,
      policyDocument: doc.json,
    });
    new Route53QueryLog(this, "query-log", { zoneId: zone.zoneId, cloudwatchLogGroupArn: group.arn, dependsOn: [policy] });
  }
}

/** An apex (two labels) at its registrar; anything else from the zone one label up, outside this app. */
function defaultDelegation(name: string): ZoneDelegation {
  const labels = name.replace(/\.$/, "").split(".");
  return labels.length <= 2 ? { kind: "registrar" } : { kind: "external-zone", zone: parentDomain(name) };
}
