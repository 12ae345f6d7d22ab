import type { PolicyRule } from "../types";
import { requireTrue } from "./helpers";

/** One-minute metrics, dedicated EBS bandwidth and a guard against an accidental terminate. */
export const ec2Operations: PolicyRule = {
  id: "INF-EC2-005",
  title: "Instances have detailed monitoring, EBS optimisation and termination protection",
  mirrors: ["CKV_AWS_126", "CKV_AWS_135"],
  catalogue: [65],
  resourceTypes: ["aws_instance"],
  severity: "low",
  check: (i) => [...requireTrue(i.values, "monitoring"), ...requireTrue(i.values, "ebs_optimized"), ...requireTrue(i.values, "disable_api_termination")],
};
