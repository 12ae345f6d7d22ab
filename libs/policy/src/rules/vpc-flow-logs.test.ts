import { ruleCases } from "../rule-cases";
import { vpcFlowLogs as rule } from "./vpc-flow-logs";

ruleCases(rule, "INF-VPC-001 flow logs", {
  compliant: {
    name: "a VPC with an ALL flow log to a log group passes",
    input: () => ({
      aws_vpc: { main: { cidr_block: "10.0.0.0/16" } },
      aws_flow_log: { f: { vpc_id: "${aws_vpc.main.id}", traffic_type: "ALL", log_destination: "${aws_cloudwatch_log_group.fl.arn}" } },
    }),
    statuses: { "aws_vpc.main": "passed" },
  },
  noncompliant: [
    {
      name: "a REJECT-only flow log without destination, and a VPC without any, fail",
      input: () => ({
        aws_vpc: { main: {}, other: {} },
        aws_flow_log: { f: { vpc_id: "${aws_vpc.main.id}", traffic_type: "REJECT" } },
      }),
      failures: [
        { address: "aws_vpc.main", attribute: "aws_flow_log.f.traffic_type", found: "REJECT", expected: "ALL" },
        {
          address: "aws_vpc.main",
          attribute: "aws_flow_log.f.log_destination",
          found: "unset",
          expected: "a CloudWatch log group or S3 bucket ARN",
        },
        {
          address: "aws_vpc.other",
          attribute: "aws_flow_log",
          found: "unset",
          expected: "a flow log on this VPC (traffic_type ALL) to a log group or S3 bucket",
        },
      ],
    },
  ],
});
