import { Route53Record, type Route53RecordConfig } from "@cdktf/provider-aws/lib/route53-record";
import { throwIfInvalid } from "@infra/config";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";
import { type AliasTarget, type RecordTarget, isAlias, targetArguments, targetErrors } from "./target";

export interface RecordProps {
  readonly zoneId: string;
  /** Full name, e.g. "www.accountabilityatlas.com". */
  readonly name: string;
  readonly type: "A" | "AAAA" | "CNAME" | "TXT" | "MX" | "NS" | "CAA" | "SRV";
  readonly values: readonly string[];
  /** Seconds. @default 300 */
  readonly ttl?: number;
}

/** A simple record with literal values (A to an Elastic IP, CNAME, TXT verification, ...). */
export class Record extends Construct {
  readonly fqdn: string;

  constructor(scope: Construct, id: string, props: RecordProps) {
    super(scope, id);
    markLibrary(this, "dns");
    throwIfInvalid(`Record ${props.type} "${props.name}"`, [
      ...targetErrors("record", { values: props.values, ttl: props.ttl }),
      props.type === "CNAME" && props.values.length !== 1 ? "a CNAME has exactly one value" : undefined,
    ]);
    const record = new Route53Record(this, "record", {
      zoneId: props.zoneId,
      name: props.name,
      type: props.type,
      ttl: props.ttl ?? 300,
      // TXT values longer than 255 characters must be split by the caller ("..." "...").
      records: [...props.values],
    });
    this.fqdn = record.fqdn;
  }
}

export interface TargetRecordProps {
  readonly zoneId: string;
  readonly name: string;
  /** @default "A" */
  readonly type?: "A" | "AAAA";
  /** Literal values with a TTL (default 60 s), or an alias. */
  readonly target: RecordTarget;
}

/**
 * One A (or AAAA) record whose target may change over the zone's life (an Elastic IP, then an ALB,
 * then CloudFront) at the same Terraform address: Terraform updates it in place, and Route 53 swaps
 * the old answer for the new in one change batch. Two constructs (Record, then AliasRecord) would be
 * two addresses: Terraform creates the new one while it deletes the old, and Route 53 refuses the
 * create while the old record still exists. Its address is the one `Record` has under the same id.
 */
export class TargetRecord extends Construct {
  readonly fqdn: string;

  constructor(scope: Construct, id: string, props: TargetRecordProps) {
    super(scope, id);
    markLibrary(this, "dns");
    throwIfInvalid(`TargetRecord "${props.name}"`, targetErrors("target", props.target));
    const record = new Route53Record(this, "record", { zoneId: props.zoneId, name: props.name, type: props.type ?? "A", ...targetArguments(props.target) });
    this.fqdn = record.fqdn;
  }
}

export interface AliasRecordProps {
  readonly zoneId: string;
  readonly name: string;
  readonly target: AliasTarget;
  /** Also create the AAAA alias (CloudFront and dualstack ALBs answer IPv6). @default true */
  readonly ipv6?: boolean;
}

/** A and AAAA alias records to an AWS endpoint (CloudFront, ALB, API Gateway custom domain). */
export class AliasRecord extends Construct {
  readonly fqdn: string;

  constructor(scope: Construct, id: string, props: AliasRecordProps) {
    super(scope, id);
    markLibrary(this, "dns");
    const types = (props.ipv6 ?? true) ? (["A", "AAAA"] as const) : (["A"] as const);
    const records = types.map(
      (type) => new Route53Record(this, type.toLowerCase(), { zoneId: props.zoneId, name: props.name, type, ...targetArguments({ alias: props.target }) }),
    );
    this.fqdn = records[0]!.fqdn;
  }
}

export interface FailoverEndpoint {
  readonly target: RecordTarget;
  /** Health check deciding whether this endpoint answers. Required on the primary (unless an alias evaluates target health). */
  readonly healthCheckId?: string;
  /** @default "primary" / "secondary" */
  readonly setIdentifier?: string;
}

/** What a routed record set (failover, latency, geolocation) answers for: one name and type in a zone. */
export interface RoutedRecordSetProps {
  readonly zoneId: string;
  readonly name: string;
  /** @default "A" */
  readonly type?: "A" | "AAAA" | "CNAME";
}

type RoutingPolicy = Pick<Route53RecordConfig, "failoverRoutingPolicy" | "latencyRoutingPolicy" | "geolocationRoutingPolicy">;

/** One answer of a routed record set: its set identifier, its routing policy, the health check deciding it, its target. */
function routedRecord(
  scope: Construct,
  id: string,
  set: RoutedRecordSetProps,
  answer: { readonly setIdentifier: string; readonly healthCheckId?: string; readonly target: RecordTarget },
  policy: RoutingPolicy,
): Route53Record {
  return new Route53Record(scope, id, {
    zoneId: set.zoneId,
    name: set.name,
    type: set.type ?? "A",
    setIdentifier: answer.setIdentifier,
    ...policy,
    healthCheckId: answer.healthCheckId,
    ...targetArguments(answer.target),
  });
}

/**
 * A routed record set of answers each known by `idOf` (its region, its set identifier): checks the
 * kind's `errors`, ids that repeat and every answer's target, then writes one record per answer,
 * addressed by its id.
 */
function answerSet<E extends { readonly target: RecordTarget; readonly healthCheckId?: string }>(
  scope: Construct,
  kind: string,
  set: RoutedRecordSetProps,
  answers: readonly E[],
  o: { readonly ids: string; readonly idOf: (e: E) => string; readonly errors: readonly (string | undefined)[]; readonly policyOf: (e: E) => RoutingPolicy },
): void {
  const ids = answers.map(o.idOf);
  throwIfInvalid(`${kind} "${set.name}"`, [
    ...o.errors,
    new Set(ids).size !== ids.length ? `${o.ids} repeat: ${ids.join(", ")}` : undefined,
    ...answers.flatMap((e) => targetErrors(o.idOf(e), e.target)),
  ]);
  for (const e of answers) routedRecord(scope, o.idOf(e), set, { ...e, setIdentifier: o.idOf(e) }, o.policyOf(e));
}

export interface FailoverRecordSetProps extends RoutedRecordSetProps {
  readonly primary: FailoverEndpoint;
  readonly secondary: FailoverEndpoint;
}

/** Every validation error for a failover record set. Pure. */
export function validateFailoverRecordSet(props: FailoverRecordSetProps): string[] {
  const p = props.primary;
  const primaryHealth = p.healthCheckId !== undefined || (isAlias(p.target) && p.target.alias.evaluateTargetHealth === true);
  const ids = [p.setIdentifier ?? "primary", props.secondary.setIdentifier ?? "secondary"];
  return [
    ...targetErrors("primary", p.target),
    ...targetErrors("secondary", props.secondary.target),
    primaryHealth ? undefined : "primary needs a healthCheckId (or an alias with evaluateTargetHealth): without one Route 53 never fails over",
    ids[0] === ids[1] ? `primary and secondary need different setIdentifiers, both are "${ids[0]}"` : undefined,
    (props.type ?? "A") === "CNAME" && [p.target, props.secondary.target].some((t) => !isAlias(t) && t.values.length !== 1)
      ? "a CNAME endpoint has exactly one value"
      : undefined,
  ].filter((e): e is string => e !== undefined);
}

/**
 * Active-passive DNS failover (seed 003 DR, seed 004 prod us-east-1 → eu-west-1): a PRIMARY
 * record answered while its health check passes, and a SECONDARY record answered otherwise.
 */
export class FailoverRecordSet extends Construct {
  readonly fqdn: string;

  constructor(scope: Construct, id: string, props: FailoverRecordSetProps) {
    super(scope, id);
    markLibrary(this, "dns");
    throwIfInvalid(`FailoverRecordSet "${props.name}"`, validateFailoverRecordSet(props));
    const make = (role: "PRIMARY" | "SECONDARY", e: FailoverEndpoint) =>
      routedRecord(this, role.toLowerCase(), props, { ...e, setIdentifier: e.setIdentifier ?? role.toLowerCase() }, { failoverRoutingPolicy: { type: role } });
    this.fqdn = make("PRIMARY", props.primary).fqdn;
    make("SECONDARY", props.secondary);
  }
}

export interface LatencyEndpoint {
  /** AWS region of this endpoint, e.g. "eu-west-1". Also its set identifier. */
  readonly region: string;
  readonly target: RecordTarget;
  /** @default none (always considered healthy) */
  readonly healthCheckId?: string;
}

export interface LatencyRecordProps extends RoutedRecordSetProps {
  readonly endpoints: readonly LatencyEndpoint[];
}

/** Latency-based routing across regions (seed 000 ARC-012): each client gets its fastest healthy region. */
export class LatencyRecord extends Construct {
  constructor(scope: Construct, id: string, props: LatencyRecordProps) {
    super(scope, id);
    markLibrary(this, "dns");
    answerSet(this, "LatencyRecord", props, props.endpoints, {
      ids: "regions",
      idOf: (e) => e.region,
      errors: [props.endpoints.length < 2 ? "latency routing needs at least 2 endpoints" : undefined],
      policyOf: (e) => ({ latencyRoutingPolicy: { region: e.region } }),
    });
  }
}

export interface GeolocationEndpoint {
  /** Where the answer applies: a continent code, a country (ISO alpha-2), a country + subdivision, or the default for everyone else. */
  readonly location:
    | { readonly continent: "AF" | "AN" | "AS" | "EU" | "NA" | "OC" | "SA" }
    | { readonly country: string; readonly subdivision?: string }
    | { readonly default: true };
  readonly target: RecordTarget;
  /** @default none */
  readonly healthCheckId?: string;
  /** Unique per record set, e.g. "europe". */
  readonly setIdentifier: string;
}

export interface GeolocationRecordProps extends RoutedRecordSetProps {
  readonly endpoints: readonly GeolocationEndpoint[];
}

/**
 * Geolocation routing (seed 000 ARC-012 "Route 53 Geolocation routing", data residency): users
 * are answered by where they are. A default endpoint is required so no location goes unanswered.
 */
export class GeolocationRecord extends Construct {
  constructor(scope: Construct, id: string, props: GeolocationRecordProps) {
    super(scope, id);
    markLibrary(this, "dns");
    answerSet(this, "GeolocationRecord", props, props.endpoints, {
      ids: "setIdentifiers",
      idOf: (e) => e.setIdentifier,
      errors: [
        props.endpoints.some((e) => "default" in e.location) ? undefined : "a default endpoint ({ location: { default: true } }) is required",
        ...props.endpoints.map((e) =>
          "country" in e.location && !/^[A-Z]{2}$/.test(e.location.country) ? `country "${e.location.country}" must be an ISO alpha-2 code` : undefined,
        ),
      ],
      policyOf: ({ location: loc }) => ({
        geolocationRoutingPolicy:
          "default" in loc ? { country: "*" } : "continent" in loc ? { continent: loc.continent } : { country: loc.country, subdivision: loc.subdivision },
      }),
    });
  }
}
