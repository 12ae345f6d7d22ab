import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { vpcFlowLogs as rule } from "./vpc-flow-logs";

describe("INF-VPC-001 flow logs", () => {
  it("Compliance: a VPC with an ALL flow log to a log group passes", () => {
    const tf = {
      aws_vpc: { main: { cidr_block: "10.0.0.0/16" } },
      aws_flow_log: { f: { vpc_id: "${aws_vpc.main.id}", traffic_type: "ALL", log_destination: "${aws_cloudwatch_log_group.fl.arn}" } },
    };
    expect(statuses(rule, tf)).toEqual({ "aws_vpc.main": "passed" });
  });

  it("Noncompliance: a REJECT-only flow log without destination, and a VPC without any, fail", () => {
    const tf = {
      aws_vpc: { main: {}, other: {} },
      aws_flow_log: { f: { vpc_id: "${aws_vpc.main.id}", traffic_type: "REJECT" } },
    };
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-VPC-001", address: "aws_vpc.main", attribute: "aws_flow_log.f.traffic_type", found: "REJECT", expected: "ALL" },
      {
        rule: "INF-VPC-001",
        address: "aws_vpc.main",
        attribute: "aws_flow_log.f.log_destination",
        found: "unset",
        expected: "a CloudWatch log group or S3 bucket ARN",
      },
      {
        rule: "INF-VPC-001",
        address: "aws_vpc.other",
        attribute: "aws_flow_log",
        found: "unset",
        expected: "a flow log on this VPC (traffic_type ALL) to a log group or S3 bucket",
      },
    ]);
  });
});
