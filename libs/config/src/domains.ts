import { z } from "zod";
import type { CheckIssue } from "./define";
import type { ResolvedDeployment, ResolvedEnv } from "./resolve";
import { envName } from "./schema";

/**
 * Names no registrar delegates (RFC 2606, RFC 6761, RFC 8375; ICANN's .internal): a public zone
 * under them is never reachable, and ACM can never validate a certificate for them
 * (aws_acm_certificate_validation waits 75 minutes and fails).
 */
export const RESERVED_DOMAINS = [
  "example",
  "example.com",
  "example.net",
  "example.org",
  "test",
  "invalid",
  "localhost",
  "local",
  "home.arpa",
  "internal",
] as const;

/** Why `domain` cannot be a public, validated name, or undefined. */
export function reservedDomainError(domain: string): string | undefined {
  const name = domain.toLowerCase().replace(/\.$/, "");
  const reserved = RESERVED_DOMAINS.find((r) => name === r || name.endsWith(`.${r}`));
  if (!reserved) return undefined;
  return `"${reserved}" is a reserved domain (RFC 2606/6761): no registrar delegates it, so a public zone under it is unreachable and ACM never validates its certificates; use a domain the organisation owns`;
}

const DOMAIN = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A lower-case domain name that a public zone and its certificates can use (not reserved). */
export const publicDomain = z.string().superRefine((v, ctx) => {
  if (!DOMAIN.test(v)) {
    ctx.addIssue({ code: "custom", message: "must be a lower-case domain name, e.g. app.example-corp.com" });
    return;
  }
  const reserved = reservedDomainError(v);
  if (reserved) ctx.addIssue({ code: "custom", message: reserved });
});

/**
 * How a public zone's name servers reach its parent (docs/adr/0014-dns-delegation.md):
 * - `registrar`: an apex domain; the NS records are set at its registrar (a fresh-account prerequisite);
 * - `external-zone`: the parent zone is another env's (another account) or outside this repo; the NS
 *   records are created there (a prerequisite, listed with the name servers to set);
 * - `env-zone`: the parent zone is a deployment of this env (the `parent` dependency): the zone's stack
 *   creates the NS (and DS) records in it, so nothing is left to do by hand.
 */
export const zoneDelegationInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("registrar") }).strict(),
  z.object({ kind: z.literal("external-zone"), zone: publicDomain, env: envName.optional() }).strict(),
  z.object({ kind: z.literal("env-zone") }).strict(),
]);
export type ZoneDelegationInput = z.infer<typeof zoneDelegationInput>;

/** The parent zone of `domain` (its name without the first label). */
export function parentDomain(domain: string): string {
  return domain.replace(/\.$/, "").split(".").slice(1).join(".");
}

/**
 * The usual delegation of an env's zone: prod holds the apex (delegated at the registrar), every
 * other env a sub-zone `<env>.<apex>` delegated from prod's zone (another account).
 */
export function envZoneDelegation(env: string, zone: string, apex: string): ZoneDelegationInput {
  return zone === apex ? { kind: "registrar" } : { kind: "external-zone", zone: parentDomain(zone), ...(env !== "prod" ? { env: "prod" } : {}) };
}

/** Input fields that name a zone deployment's zone (the zone modules of the workloads). */
const ZONE_FIELDS = ["zoneName", "domain"] as const;

function zoneOf(inputs: unknown): string | undefined {
  const record = (inputs ?? {}) as Record<string, unknown>;
  const field = ZONE_FIELDS.find((f) => typeof record[f] === "string");
  return field ? String(record[field]) : undefined;
}

/**
 * Module check of a zone deployment's delegation: the parent named must be a zone the zone sits
 * under; a parent zone of this env is `env-zone` (the NS records are then created by a stack, not by
 * hand), which needs a `parent` dependency on that zone's deployment.
 */
export function zoneDelegationIssues(self: ResolvedDeployment, env: ResolvedEnv, zoneField: string): CheckIssue[] {
  const inputs = self.inputs as Record<string, unknown> & { delegation?: ZoneDelegationInput };
  const zone = String(inputs[zoneField] ?? "");
  const d = inputs.delegation;
  if (!d) return [];
  if (d.kind === "external-zone") {
    if (!zone.endsWith(`.${d.zone}`)) {
      return [{ path: "inputs.delegation.zone", value: d.zone, allowed: `a zone that ${zone} sits under, e.g. ${parentDomain(zone)}` }];
    }
    if (d.env === env.name) {
      return [
        {
          path: "inputs.delegation.env",
          value: d.env,
          allowed: `another env: a parent zone of this env is delegation { kind: "env-zone" } with a "parent" dependency (its stack then creates the NS records)`,
        },
      ];
    }
    return [];
  }
  if (d.kind !== "env-zone") return [];
  const parentId = self.dependencies["parent"];
  if (parentId === undefined) {
    return [
      {
        path: "dependencies.parent",
        value: undefined,
        allowed: `delegation "env-zone" needs a "parent" dependency: the deployment of the zone ${parentDomain(zone)} in this env`,
      },
    ];
  }
  const parent = env.deployments.find((x) => x.id === parentId);
  const parentZone = parent ? zoneOf(parent.inputs) : undefined;
  if (!parentZone || !zone.endsWith(`.${parentZone}`)) {
    return [{ path: "dependencies.parent", value: parentId, allowed: `a zone deployment whose zone ${zone} sits under (its zone: ${parentZone ?? "none"})` }];
  }
  return [];
}
