/**
 * Ingress rules come in three shapes: inline `ingress` blocks of aws_security_group, the older
 * aws_security_group_rule (type = ingress) and aws_vpc_security_group_ingress_rule. The SG
 * rules read all of them through this one normalised form.
 */
import type { Finding, JsonObject, StackIndex, SynthResource } from "../types";
import { asNumber, asStrings, blocks, finding } from "./helpers";

export interface IngressRule {
  /** Where to point a reader: `ingress[0]` for inline blocks, the rule resource's address otherwise. */
  attribute: string;
  protocol: string;
  from: number;
  to: number;
  cidrs: string[];
  /** Source is another SG (or self / a prefix list for prefixLists). */
  fromGroup: boolean;
  prefixLists: string[];
}

export const WORLD = ["0.0.0.0/0", "::/0"];

function normaliseProtocol(value: unknown): string {
  const p = String(value ?? "").toLowerCase();
  return p === "all" || p === "-1" ? "-1" : p === "6" ? "tcp" : p === "17" ? "udp" : p;
}

function inline(block: JsonObject, attribute: string): IngressRule {
  return {
    attribute,
    protocol: normaliseProtocol(block["protocol"]),
    from: asNumber(block["from_port"]) ?? 0,
    to: asNumber(block["to_port"]) ?? 65535,
    cidrs: [...asStrings(block["cidr_blocks"]), ...asStrings(block["ipv6_cidr_blocks"])],
    fromGroup: asStrings(block["security_groups"]).length > 0 || block["self"] === true,
    prefixLists: asStrings(block["prefix_list_ids"]),
  };
}

/** The ingress rules a resource declares itself (empty for egress rules and other types). */
export function ingressRulesOf(resource: SynthResource): IngressRule[] {
  const v = resource.values;
  switch (resource.type) {
    case "aws_security_group":
      return blocks(v, "ingress").map((b, i) => inline(b, `ingress[${i}]`));
    case "aws_security_group_rule":
      if (v["type"] !== "ingress") return [];
      return [{ ...inline(v, resource.address), fromGroup: typeof v["source_security_group_id"] === "string" || v["self"] === true }];
    case "aws_vpc_security_group_ingress_rule": {
      const protocol = normaliseProtocol(v["ip_protocol"]);
      return [
        {
          attribute: resource.address,
          protocol,
          from: protocol === "-1" ? 0 : (asNumber(v["from_port"]) ?? 0),
          to: protocol === "-1" ? 65535 : (asNumber(v["to_port"]) ?? 65535),
          cidrs: [...asStrings(v["cidr_ipv4"]), ...asStrings(v["cidr_ipv6"])],
          fromGroup: typeof v["referenced_security_group_id"] === "string",
          prefixLists: asStrings(v["prefix_list_id"]),
        },
      ];
    }
    default:
      return [];
  }
}

/** Inline rules plus standalone rule resources attached to this group. */
export function allIngressOf(group: SynthResource, index: StackIndex): IngressRule[] {
  return [
    ...ingressRulesOf(group),
    ...index.referencing(group, "aws_security_group_rule", "security_group_id").flatMap(ingressRulesOf),
    ...index.referencing(group, "aws_vpc_security_group_ingress_rule", "security_group_id").flatMap(ingressRulesOf),
  ];
}

export function worldCidrs(rule: IngressRule): string[] {
  return rule.cidrs.filter((c) => WORLD.includes(c));
}

export function covers(rule: IngressRule, port: number): boolean {
  return rule.protocol === "-1" || ((rule.protocol === "tcp" || rule.protocol === "udp") && rule.from <= port && port <= rule.to);
}

export function describeRule(rule: IngressRule, cidrs = rule.cidrs): string {
  const ports = rule.protocol === "-1" ? "all traffic" : `${rule.protocol} ${rule.from === rule.to ? rule.from : `${rule.from}-${rule.to}`}`;
  return `${ports} from ${cidrs.join(", ")}`;
}

/**
 * One finding per ingress rule of `resource` that is open to the world (0.0.0.0/0, ::/0) and that
 * `forbidden` picks: what INF-SG-001 (admin ports) and INF-SG-002 (anything but 443/80) report.
 */
export function worldIngressFindings(resource: SynthResource, forbidden: (rule: IngressRule) => boolean, expected: string): Finding[] {
  return ingressRulesOf(resource)
    .filter((r) => worldCidrs(r).length > 0 && forbidden(r))
    .map((r) => finding(r.attribute, describeRule(r, worldCidrs(r)), expected));
}

export const INGRESS_TYPES = ["aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"];
