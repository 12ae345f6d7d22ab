import type { PolicyRule } from "../types";
import { finding } from "./helpers";

/** Without flow logs there is no record of who talked to what after an incident. */
export const vpcFlowLogs: PolicyRule = {
  id: "INF-VPC-001",
  title: "VPC has a flow log capturing ALL traffic to CloudWatch Logs or S3",
  mirrors: ["CKV2_AWS_11", "AwsSolutions-VPC7"],
  catalogue: [1],
  resourceTypes: ["aws_vpc"],
  severity: "medium",
  check(vpc, index) {
    const flowLogs = index.referencing(vpc, "aws_flow_log", "vpc_id");
    if (flowLogs.length === 0) return [finding("aws_flow_log", undefined, "a flow log on this VPC (traffic_type ALL) to a log group or S3 bucket")];
    const complete = flowLogs.find((f) => f.values["traffic_type"] === "ALL" && (f.values["log_destination"] || f.values["log_group_name"]));
    if (complete) return [];
    const f = flowLogs[0]!;
    const out = [];
    if (f.values["traffic_type"] !== "ALL") out.push(finding(`${f.address}.traffic_type`, f.values["traffic_type"], "ALL"));
    if (!f.values["log_destination"] && !f.values["log_group_name"])
      out.push(finding(`${f.address}.log_destination`, undefined, "a CloudWatch log group or S3 bucket ARN"));
    return out;
  },
};
