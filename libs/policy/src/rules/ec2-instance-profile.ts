import type { PolicyRule } from "../types";
import { finding, get } from "./helpers";

/** An instance profile gives temporary, rotated credentials (and SSM access) instead of keys on disk. */
export const ec2InstanceProfile: PolicyRule = {
  id: "INF-EC2-002",
  title: "Instances and launch templates have an IAM instance profile",
  mirrors: ["CKV2_AWS_41"],
  catalogue: [63],
  resourceTypes: ["aws_instance", "aws_launch_template"],
  severity: "medium",
  check(resource) {
    const profile =
      resource.type === "aws_instance"
        ? resource.values["iam_instance_profile"]
        : (get(resource.values, "iam_instance_profile.name") ?? get(resource.values, "iam_instance_profile.arn"));
    return profile ? [] : [finding("iam_instance_profile", undefined, "an instance profile")];
  },
};
