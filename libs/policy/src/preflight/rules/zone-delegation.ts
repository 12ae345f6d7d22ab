import { finding } from "../../rules/helpers";
import { isUnknown, stringsIn } from "../env-index";
import { declaredPrerequisite } from "../prerequisites";
import type { EnvIndex, Finding, Located, PreflightRule } from "../types";

/** Domains no registrar delegates (RFC 2606 / RFC 6761): nothing under them can pass DNS validation. */
export const RESERVED_DOMAINS: readonly string[] = ["example.com", "example.net", "example.org", "test", "example", "invalid", "localhost"];

const strip = (name: string) => name.toLowerCase().replace(/\.$/, "");
export const isReserved = (name: string) => RESERVED_DOMAINS.some((d) => strip(name) === d || strip(name).endsWith(`.${d}`));

function zoneName(env: EnvIndex, zone: Located): string | undefined {
  const raw = zone.resource.values["name"];
  const rendered = typeof raw === "string" ? env.render(zone.stack, raw) : undefined;
  return rendered && !isUnknown(rendered) ? strip(rendered) : undefined;
}

const isPublic = (zone: Located) => zone.resource.values["vpc"] === undefined;

/** Records that publish ACM validation CNAMEs (they read a certificate's domain_validation_options). */
function validationRecords(env: EnvIndex): Located[] {
  return env
    .ofType("aws_route53_record")
    .filter(
      (r) =>
        stringsIn(r.resource.values).some((s) => s.value.includes("domain_validation_options")) ||
        env.resolveAll(r.stack, r.resource.values["for_each"]).some((t) => t.resource?.type === "aws_acm_certificate"),
    );
}

function zoneOf(env: EnvIndex, record: Located): Located | undefined {
  const t = env.resolve(record.stack, record.resource.values["zone_id"]);
  return t?.resource?.type === "aws_route53_zone" ? { stack: t.stack, resource: t.resource } : undefined;
}

const same = (a: Located, b: Located) => a.stack === b.stack && a.resource === b.resource;

/** An NS record in `parent` for `name` whose values come from the child zone's (or its delegation set's) name servers. */
function delegation(env: EnvIndex, parent: Located, child: Located, name: string): "ok" | "literal" | "none" {
  let literal = false;
  for (const r of env.ofType("aws_route53_record")) {
    if (r.resource.values["type"] !== "NS") continue;
    const zone = zoneOf(env, r);
    const rname = typeof r.resource.values["name"] === "string" ? strip(env.render(r.stack, r.resource.values["name"] as string)) : "";
    if (!zone || !same(zone, parent) || (rname !== name && `${rname}.${zoneName(env, parent)}` !== name)) continue;
    const sources = env.resolveAll(r.stack, r.resource.values["records"]);
    if (sources.some((t) => (t.resource === child.resource && t.stack === child.stack) || t.resource?.type === "aws_route53_delegation_set")) return "ok";
    literal = true;
  }
  return literal ? "literal" : "none";
}

const TIMEOUT =
  "aws_acm_certificate_validation waits for ISSUED until its create timeout (75 minutes) and fails; the certificate stays PENDING_VALIDATION (ACM cannot resolve the validation CNAME)";

/**
 * Every hosted zone that publishes ACM validation records can be reached from the public DNS: a
 * sub-zone of another zone of the env has an NS record in the parent zone fed by its own name
 * servers; a zone with no parent in the env (an apex at a registrar, or a parent in another
 * account) is a declared `zone-delegation` prerequisite of its account (the HostedZone construct
 * declares it, libs/core `requirePrerequisite`, or the env config `prerequisites.zones`), which
 * `infra preflight` lists and checks before deploy; nothing that must validate lives
 * under a reserved domain (example.com/.net/.org, .test, .example, .invalid, .localhost).
 */
export const zoneDelegation: PreflightRule = {
  id: "PRE-DNS-001",
  title: "Zones that validate certificates are delegated, and no certificate lives under a reserved domain",
  consequence: TIMEOUT,
  severity: "high",
  catalogue: [32],
  defects: [11],
  scope: "env",
  resourceTypes: ["aws_route53_zone", "aws_acm_certificate"],
  appliesTo(subject, env) {
    if (subject.resource.type === "aws_acm_certificate") return env.referencing(subject, "aws_acm_certificate_validation", "certificate_arn").length > 0;
    return (
      isPublic(subject) &&
      validationRecords(env).some((r) => {
        const z = zoneOf(env, r);
        return !!z && same(z, subject);
      })
    );
  },
  check(subject, env) {
    if (subject.resource.type === "aws_acm_certificate") {
      const names = [subject.resource.values["domain_name"], ...((subject.resource.values["subject_alternative_names"] as unknown[] | undefined) ?? [])]
        .filter((n): n is string => typeof n === "string")
        .map((n) => env.render(subject.stack, n));
      const reserved = names.filter((n) => !isUnknown(n) && isReserved(n));
      return reserved.length
        ? [
            {
              ...finding("domain_name", reserved.join(", "), "a domain the organisation owns (reserved domains such as example.com can never be validated)"),
              consequence: TIMEOUT,
            },
          ]
        : [];
    }
    const name = zoneName(env, subject);
    if (!name) return [];
    if (isReserved(name)) return [finding("name", name, "a zone under a domain the organisation owns: no registrar delegates a reserved domain")];
    const parents = env
      .ofType("aws_route53_zone")
      .filter((z) => isPublic(z) && !same(z, subject) && z.stack.account !== undefined)
      .map((z) => ({ z, n: zoneName(env, z) }))
      .filter((p): p is { z: Located; n: string } => !!p.n && name.endsWith(`.${p.n}`))
      .sort((a, b) => b.n.length - a.n.length);
    const parent = parents[0];
    const out: Finding[] = [];
    if (parent) {
      const d = delegation(env, parent.z, subject, name);
      if (d === "none")
        out.push(
          finding(
            "name",
            `${name} (sub-zone of ${parent.n} in ${parent.z.stack.name}; no NS record there)`,
            `an aws_route53_record type NS named ${name} in ${parent.n}, with records = this zone's name_servers`,
          ),
        );
      if (d === "literal")
        out.push(
          finding(
            "name",
            `${name} (the NS record in ${parent.n} lists literal name servers)`,
            "records = this zone's name_servers (a new zone gets new name servers)",
          ),
        );
    } else if (!declaredPrerequisite(env, "zones", name, subject.stack)) {
      out.push(
        finding(
          "name",
          `${name} (no parent zone in the env: delegated by a registrar or another account)`,
          `the delegation declared a fresh-account zone-delegation prerequisite of this account that infra preflight checks (the HostedZone's delegation: registrar or external-zone; or env config prerequisites.zones includes "${name}"), or the parent zone in the env with an NS record`,
        ),
      );
    }
    return out;
  },
};
