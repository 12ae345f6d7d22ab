/** VPC, security group and public IP rules (INF-VPC-*, INF-SG-*, INF-NET-*): one ruleCases table per rule, in the order of rules/index.ts. */
import { ruleCases } from "../rule-cases";
import { noPublicIp } from "./no-public-ip";
import { sgAdminPorts } from "./sg-admin-ports";
import { sgDataTier } from "./sg-data-tier";
import { sgDescriptions } from "./sg-descriptions";
import { sgWorldIngress } from "./sg-world-ingress";
import { vpcDefaultSecurityGroup } from "./vpc-default-security-group";
import { vpcFlowLogs } from "./vpc-flow-logs";

ruleCases(vpcFlowLogs, "INF-VPC-001 flow logs", {
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

ruleCases(vpcDefaultSecurityGroup, "INF-VPC-002 default security group", {
  compliant: {
    name: "an adopted default SG with no rules passes",
    input: () => ({ aws_vpc: { main: {} }, aws_default_security_group: { d: { vpc_id: "${aws_vpc.main.id}" } } }),
    statuses: {
      "aws_vpc.main": "passed",
    },
  },
  noncompliant: [
    {
      name: "a default SG with egress, and a VPC with none, fail",
      input: () => ({
        aws_vpc: { main: {}, other: {} },
        aws_default_security_group: {
          d: { vpc_id: "${aws_vpc.main.id}", ingress: [], egress: [{ protocol: "-1", from_port: 0, to_port: 0, cidr_blocks: ["0.0.0.0/0"] }] },
        },
      }),
      failures: [
        { address: "aws_vpc.main", attribute: "aws_default_security_group.d.egress", found: "1 rule(s)", expected: "no rules" },
        {
          address: "aws_vpc.other",
          attribute: "aws_default_security_group",
          found: "unset",
          expected: "one for this VPC with no ingress and no egress rules",
        },
      ],
    },
  ],
});

const adminPortsExpected = "no world-open ingress covering 22 or 3389 (use SSM Session Manager)";

ruleCases(sgAdminPorts, "INF-SG-001 admin ports", {
  compliant: {
    name: "SSH from a private range and 443 from the world pass",
    input: () => ({
      aws_security_group: {
        web: {
          ingress: [
            { protocol: "tcp", from_port: 443, to_port: 443, cidr_blocks: ["0.0.0.0/0"] },
            { protocol: "tcp", from_port: 22, to_port: 22, cidr_blocks: ["10.0.0.0/8"] },
          ],
        },
      },
      aws_vpc_security_group_ingress_rule: {
        r: { security_group_id: "${aws_security_group.web.id}", ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ipv6: "::/0" },
      },
    }),
    statuses: { "aws_security_group.web": "passed", "aws_vpc_security_group_ingress_rule.r": "passed" },
  },
  noncompliant: [
    {
      name: "a port range covering 22, protocol -1 and RDP over IPv6 fail, in all three rule shapes",
      input: () => ({
        aws_security_group: { web: { ingress: [{ protocol: "tcp", from_port: 0, to_port: 1024, cidr_blocks: ["0.0.0.0/0", "10.0.0.0/8"] }] } },
        aws_security_group_rule: {
          all: { type: "ingress", protocol: "-1", from_port: 0, to_port: 0, cidr_blocks: ["0.0.0.0/0"], security_group_id: "${aws_security_group.web.id}" },
        },
        aws_vpc_security_group_ingress_rule: { rdp: { ip_protocol: "tcp", from_port: 3389, to_port: 3389, cidr_ipv6: "::/0" } },
      }),
      failures: [
        { address: "aws_security_group.web", attribute: "ingress[0]", found: "tcp 0-1024 from 0.0.0.0/0", expected: adminPortsExpected },
        {
          address: "aws_security_group_rule.all",
          attribute: "aws_security_group_rule.all",
          found: "all traffic from 0.0.0.0/0",
          expected: adminPortsExpected,
        },
        {
          address: "aws_vpc_security_group_ingress_rule.rdp",
          attribute: "aws_vpc_security_group_ingress_rule.rdp",
          found: "tcp 3389 from ::/0",
          expected: adminPortsExpected,
        },
      ],
    },
  ],
});

const worldIngressExpected = "only tcp 443 (or 80 for the redirect) from the internet";

ruleCases(sgWorldIngress, "INF-SG-002 world-open ingress", {
  compliant: {
    name: "tcp 443 and 80 from the world pass",
    input: () => ({
      aws_security_group: { alb: { ingress: [{ protocol: "tcp", from_port: 443, to_port: 443, cidr_blocks: ["0.0.0.0/0"] }] } },
      aws_vpc_security_group_ingress_rule: { http: { ip_protocol: "tcp", from_port: 80, to_port: 80, cidr_ipv4: "0.0.0.0/0" } },
    }),
    statuses: { "aws_security_group.alb": "passed", "aws_vpc_security_group_ingress_rule.http": "passed" },
  },
  noncompliant: [
    {
      name: "all protocols and a port range from the world fail",
      input: () => ({
        aws_vpc_security_group_ingress_rule: { any: { ip_protocol: "-1", cidr_ipv4: "0.0.0.0/0" } },
        aws_security_group_rule: { range: { type: "ingress", protocol: "tcp", from_port: 443, to_port: 8443, ipv6_cidr_blocks: ["::/0"] } },
      }),
      failures: [
        {
          address: "aws_security_group_rule.range",
          attribute: "aws_security_group_rule.range",
          found: "tcp 443-8443 from ::/0",
          expected: worldIngressExpected,
        },
        {
          address: "aws_vpc_security_group_ingress_rule.any",
          attribute: "aws_vpc_security_group_ingress_rule.any",
          found: "all traffic from 0.0.0.0/0",
          expected: worldIngressExpected,
        },
      ],
    },
  ],
});

const dataTierExpected = "ingress only from security groups (source_security_group_id / referenced_security_group_id)";

ruleCases(sgDataTier, "INF-SG-003 data-tier security groups", {
  compliant: {
    name: "a DB SG open only to the app SG passes; a non-data SG is not checked",
    input: () => ({
      aws_security_group: { db: {}, app: { ingress: [{ protocol: "tcp", from_port: 80, to_port: 80, cidr_blocks: ["10.0.0.0/8"] }] } },
      aws_db_instance: { pg: { vpc_security_group_ids: ["${aws_security_group.db.id}"] } },
      aws_vpc_security_group_ingress_rule: {
        fromApp: {
          security_group_id: "${aws_security_group.db.id}",
          ip_protocol: "tcp",
          from_port: 5432,
          to_port: 5432,
          referenced_security_group_id: "${aws_security_group.app.id}",
        },
      },
    }),
    statuses: { "aws_security_group.db": "passed" },
  },
  noncompliant: [
    {
      name: "CIDR ingress to a cache SG fails, inline or standalone",
      input: () => ({
        aws_security_group: { cache: { ingress: [{ protocol: "tcp", from_port: 6379, to_port: 6379, cidr_blocks: ["10.0.0.0/16"] }] } },
        aws_elasticache_replication_group: { r: { security_group_ids: ["${aws_security_group.cache.id}"] } },
        aws_security_group_rule: {
          vpc: {
            type: "ingress",
            security_group_id: "${aws_security_group.cache.id}",
            protocol: "tcp",
            from_port: 6379,
            to_port: 6379,
            cidr_blocks: ["10.1.0.0/16"],
          },
        },
      }),
      failures: [
        { address: "aws_security_group.cache", attribute: "ingress[0]", found: "tcp 6379 from 10.0.0.0/16", expected: dataTierExpected },
        { address: "aws_security_group.cache", attribute: "aws_security_group_rule.vpc", found: "tcp 6379 from 10.1.0.0/16", expected: dataTierExpected },
      ],
    },
  ],
});

const descriptionExpected = "a description saying why the rule exists";

ruleCases(sgDescriptions, "INF-SG-004 descriptions", {
  compliant: {
    name: "described groups and rules pass",
    input: () => ({
      aws_security_group: { web: { description: "ALB", ingress: [{ description: "HTTPS", protocol: "tcp", from_port: 443, to_port: 443 }] } },
      aws_vpc_security_group_egress_rule: { out: { description: "to app" } },
    }),
    statuses: { "aws_security_group.web": "passed", "aws_vpc_security_group_egress_rule.out": "passed" },
  },
  noncompliant: [
    {
      name: "the Terraform default text, an undescribed inline rule and rule resource fail",
      input: () => ({
        aws_security_group: { web: { description: "Managed by Terraform", egress: [{ protocol: "-1" }] } },
        aws_security_group_rule: { r: { type: "ingress", description: "" } },
      }),
      failures: [
        { address: "aws_security_group.web", attribute: "description", found: "Managed by Terraform", expected: descriptionExpected },
        { address: "aws_security_group.web", attribute: "egress[0].description", found: "unset", expected: descriptionExpected },
        { address: "aws_security_group_rule.r", attribute: "description", found: "", expected: descriptionExpected },
      ],
    },
  ],
});

ruleCases(noPublicIp, "INF-NET-001 no public IPs", {
  compliant: {
    name: "private subnet, instance, launch template and service pass",
    input: () => ({
      aws_subnet: { private: { map_public_ip_on_launch: false } },
      aws_instance: { host: {} },
      aws_launch_template: { lt: { network_interfaces: [{ associate_public_ip_address: "false" }] } },
      aws_ecs_service: { svc: { network_configuration: { assign_public_ip: false } } },
    }),
    statuses: {
      "aws_subnet.private": "passed",
      "aws_instance.host": "passed",
      "aws_launch_template.lt": "passed",
      "aws_ecs_service.svc": "passed",
    },
  },
  noncompliant: [
    {
      name: "each way of asking for a public IP is reported",
      input: () => ({
        aws_subnet: { public: { map_public_ip_on_launch: true } },
        aws_instance: { host: { associate_public_ip_address: true } },
        aws_launch_template: { lt: { network_interfaces: [{ associate_public_ip_address: "true" }] } },
        aws_ecs_service: { svc: { network_configuration: { assign_public_ip: true } } },
      }),
      failures: [
        {
          address: "aws_subnet.public",
          attribute: "map_public_ip_on_launch",
          found: "true",
          expected: "false (public subnets carry a waiver)",
        },
        { address: "aws_instance.host", attribute: "associate_public_ip_address", found: "true", expected: "false" },
        {
          address: "aws_launch_template.lt",
          attribute: "network_interfaces[0].associate_public_ip_address",
          found: "true",
          expected: "false",
        },
        { address: "aws_ecs_service.svc", attribute: "network_configuration.assign_public_ip", found: "true", expected: "false" },
      ],
    },
  ],
});
