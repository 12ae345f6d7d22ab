import type { PolicyRule } from "../types";
import { finding, get } from "./helpers";
import { INSTANCE_TYPES } from "./ec2";

/** An instance profile gives temporary, rotated credentials (and SSM access) instead of keys on disk. */
export const ec2InstanceProfile: PolicyRule = {
  id: "INF-EC2-002",
  title: "Instances and launch templates have an IAM instance profile",
  mirrors: ["CKV2_AWS_41"],
  catalogue: [63],
  resourceTypes: INSTANCE_TYPES,
  severity: "medium",
  check(resource) {
    const profile =
      resource.type === "aws_instance"
        ? resource.values["iam_instance_profile"]
        : (get(resource.values, "iam_instance_profile.name") ?? get(resource.values, "iam_instance_profile.arn"));
    return profile ? [] : [finding("iam_instance_profile", undefined, "an instance profile")];
  },
};
