import { mustBeTrue, requirementRule } from "./requirements";

/** One-minute metrics, dedicated EBS bandwidth and a guard against an accidental terminate. */
export const ec2Operations = requirementRule({
  id: "INF-EC2-005",
  title: "Instances have detailed monitoring, EBS optimisation and termination protection",
  mirrors: ["CKV_AWS_126", "CKV_AWS_135"],
  catalogue: [65],
  resourceTypes: ["aws_instance"],
  severity: "low",
  requires: [mustBeTrue("monitoring"), mustBeTrue("ebs_optimized"), mustBeTrue("disable_api_termination")],
});
