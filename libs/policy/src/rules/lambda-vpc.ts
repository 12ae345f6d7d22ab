import type { PolicyRule } from "../types";
import { asStrings, finding, get, publicSubnets } from "./helpers";

/** Functions that touch data reach it on a private path, under a security group the data tier names. */
export const lambdaVpc: PolicyRule = {
  id: "INF-LAMBDA-004",
  title: "Lambda function runs in private subnets with a security group",
  mirrors: ["CKV_AWS_117"],
  catalogue: [47],
  resourceTypes: ["aws_lambda_function"],
  severity: "medium",
  check(fn, index) {
    const subnets = get(fn.values, "vpc_config.subnet_ids");
    if (asStrings(subnets).length === 0) return [finding("vpc_config.subnet_ids", subnets, "private subnets (waive functions that reach no VPC resource)")];
    const out = [];
    const exposed = publicSubnets(subnets, index);
    if (exposed.length) out.push(finding("vpc_config.subnet_ids", exposed.join(", "), "private subnets only"));
    if (asStrings(get(fn.values, "vpc_config.security_group_ids")).length === 0)
      out.push(finding("vpc_config.security_group_ids", get(fn.values, "vpc_config.security_group_ids"), "the function's security group"));
    return out;
  },
};
