import type { PolicyRule } from "../types";
import { covers, INGRESS_TYPES, worldIngressFindings } from "./security-group-rules";

const ADMIN_PORTS = [22, 3389];

/** SSH/RDP open to the internet is the most scanned-for door there is; we use SSM instead. */
export const sgAdminPorts: PolicyRule = {
  id: "INF-SG-001",
  title: "No ingress from 0.0.0.0/0 or ::/0 to SSH (22) or RDP (3389)",
  mirrors: ["CKV_AWS_24", "CKV_AWS_25", "NIST.800.53.R5-EC2RestrictedSSH"],
  catalogue: [3],
  resourceTypes: INGRESS_TYPES,
  severity: "critical",
  check: (resource) =>
    worldIngressFindings(resource, (r) => ADMIN_PORTS.some((p) => covers(r, p)), "no world-open ingress covering 22 or 3389 (use SSM Session Manager)"),
};
