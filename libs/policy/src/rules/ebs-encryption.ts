import type { Finding, JsonObject, PolicyRule, StackIndex } from "../types";
import { blocks, CMK, finding, isCmk, isTrue } from "./helpers";

function volume(at: string, v: JsonObject | undefined, index: StackIndex): Finding[] {
  if (!isTrue(v?.["encrypted"])) return [finding(`${at}encrypted`, v?.["encrypted"], "true")];
  return isCmk(v?.["kms_key_id"], index) ? [] : [finding(`${at}kms_key_id`, v?.["kms_key_id"], CMK)];
}

/**
 * Every volume encrypted with our key, written on the resource: account-level "encryption by
 * default" is not visible in this stack, so it cannot be relied on here.
 */
export const ebsEncryption: PolicyRule = {
  id: "INF-EC2-004",
  title: "EBS volumes (root, attached, templates, standalone) are encrypted with a CMK",
  mirrors: ["CKV_AWS_8", "CKV_AWS_3", "CKV_AWS_189", "CKV_AWS_106", "AwsSolutions-EC26"],
  catalogue: [64],
  resourceTypes: ["aws_instance", "aws_launch_template", "aws_ebs_volume"],
  severity: "high",
  check(resource, index) {
    const v = resource.values;
    if (resource.type === "aws_ebs_volume") return volume("", v, index);
    if (resource.type === "aws_launch_template") {
      return blocks(v, "block_device_mappings").flatMap((m, i) => volume(`block_device_mappings[${i}].ebs.`, blocks(m, "ebs")[0], index));
    }
    return [
      ...volume("root_block_device.", blocks(v, "root_block_device")[0], index),
      ...blocks(v, "ebs_block_device").flatMap((d, i) => volume(`ebs_block_device[${i}].`, d, index)),
    ];
  },
};
