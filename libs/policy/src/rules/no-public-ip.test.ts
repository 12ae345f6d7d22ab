import { ruleCases } from "../rule-cases";
import { noPublicIp as rule } from "./no-public-ip";

ruleCases(rule, "INF-NET-001 no public IPs", {
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
