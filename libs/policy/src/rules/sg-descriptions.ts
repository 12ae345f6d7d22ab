import type { PolicyRule } from "../types";
import { blocks, finding } from "./helpers";

const EXPECTED = "a description saying why the rule exists";
const empty = (value: unknown) => typeof value !== "string" || value.trim() === "";

/** A rule nobody can explain is a rule nobody dares to remove. Terraform's default text does not count. */
export const sgDescriptions: PolicyRule = {
  id: "INF-SG-004",
  title: "Every security group and security group rule has a description",
  mirrors: ["CKV_AWS_23"],
  catalogue: [4],
  resourceTypes: ["aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"],
  severity: "low",
  check(resource) {
    const v = resource.values;
    if (resource.type !== "aws_security_group") return empty(v["description"]) ? [finding("description", v["description"], EXPECTED)] : [];
    const out = [];
    if (empty(v["description"]) || v["description"] === "Managed by Terraform") out.push(finding("description", v["description"], EXPECTED));
    for (const key of ["ingress", "egress"]) {
      blocks(v, key).forEach((b, i) => {
        if (empty(b["description"])) out.push(finding(`${key}[${i}].description`, b["description"], EXPECTED));
      });
    }
    return out;
  },
};
