import type { PolicyRule } from "../types";
import { INGRESS_TYPES, worldIngressFindings } from "./security-group-rules";

/** The internet may reach TLS (443) and the HTTP→HTTPS redirect (80), on one port each, nothing else. */
export const sgWorldIngress: PolicyRule = {
  id: "INF-SG-002",
  title: "World-open ingress is only tcp 443 or 80, never all protocols",
  mirrors: ["CKV_AWS_277", "CKV_AWS_260", "AwsSolutions-EC23"],
  catalogue: [4],
  resourceTypes: INGRESS_TYPES,
  severity: "high",
  check: (resource) =>
    worldIngressFindings(
      resource,
      (r) => !(r.protocol === "tcp" && r.from === r.to && (r.from === 443 || r.from === 80)),
      "only tcp 443 (or 80 for the redirect) from the internet",
    ),
};
