import type { PolicyRule, StackIndex, SynthResource } from "../types";
import { blocks, finding, get } from "./helpers";

// ELB policies whose minimum is TLS 1.2 (TLS13-1-2*, TLS13-1-3*, TLS-1-2*, FS-1-2*, and FIPS/PQ variants).
const TLS12_POLICY = /^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)/;

function protocolOf(listener: SynthResource, index: StackIndex): string {
  const explicit = listener.values["protocol"];
  if (typeof explicit === "string") return explicit.toUpperCase();
  // Unset means HTTP on an ALB, TCP on an NLB.
  const lb = index.resolve(listener.values["load_balancer_arn"]);
  return lb && lb.values["load_balancer_type"] !== undefined && lb.values["load_balancer_type"] !== "application" ? "TCP" : "HTTP";
}

/** Clients connect with TLS 1.2+, and port 80 exists only to send them there. */
export const lbListenerTls: PolicyRule = {
  id: "INF-LB-001",
  title: "Load balancer listeners use HTTPS/TLS with a TLS 1.2+ policy; HTTP only redirects to HTTPS",
  mirrors: ["CKV_AWS_2", "CKV_AWS_103", "CKV2_AWS_20"],
  catalogue: [38],
  resourceTypes: ["aws_lb_listener", "aws_alb_listener"],
  severity: "high",
  // TCP/UDP pass-through (NLB) terminates TLS behind the listener: not ours to judge here.
  appliesTo: (l, index) => ["HTTP", "HTTPS", "TLS"].includes(protocolOf(l, index)),
  check(listener, index) {
    const protocol = protocolOf(listener, index);
    if (protocol === "HTTP") {
      const actions = blocks(listener.values, "default_action");
      const redirects = actions.length > 0 && actions.every((a) => a["type"] === "redirect" && get(a, "redirect.protocol") === "HTTPS");
      return redirects ? [] : [finding("default_action", actions.map((a) => a["type"]).join(", ") || undefined, "a redirect to HTTPS")];
    }
    const policy = listener.values["ssl_policy"];
    return TLS12_POLICY.test(String(policy ?? ""))
      ? []
      : [finding("ssl_policy", policy, "a TLS 1.2+ policy, e.g. ELBSecurityPolicy-TLS13-1-2-2021-06 (unset means ELBSecurityPolicy-2016-08)")];
  },
};
