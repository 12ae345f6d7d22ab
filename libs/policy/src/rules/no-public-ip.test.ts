import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { noPublicIp as rule } from "./no-public-ip";

describe("INF-NET-001 no public IPs", () => {
  it("Compliance: private subnet, instance, launch template and service pass", () => {
    const tf = {
      aws_subnet: { private: { map_public_ip_on_launch: false } },
      aws_instance: { host: {} },
      aws_launch_template: { lt: { network_interfaces: [{ associate_public_ip_address: "false" }] } },
      aws_ecs_service: { svc: { network_configuration: { assign_public_ip: false } } },
    };
    expect(statuses(rule, tf)).toEqual({
      "aws_subnet.private": "passed",
      "aws_instance.host": "passed",
      "aws_launch_template.lt": "passed",
      "aws_ecs_service.svc": "passed",
    });
  });

  it("Noncompliance: each way of asking for a public IP is reported", () => {
    const tf = {
      aws_subnet: { public: { map_public_ip_on_launch: true } },
      aws_instance: { host: { associate_public_ip_address: true } },
      aws_launch_template: { lt: { network_interfaces: [{ associate_public_ip_address: "true" }] } },
      aws_ecs_service: { svc: { network_configuration: { assign_public_ip: true } } },
    };
    expect(failures(rule, tf)).toEqual([
      {
        rule: "INF-NET-001",
        address: "aws_subnet.public",
        attribute: "map_public_ip_on_launch",
        found: "true",
        expected: "false (public subnets carry a waiver)",
      },
      { rule: "INF-NET-001", address: "aws_instance.host", attribute: "associate_public_ip_address", found: "true", expected: "false" },
      {
        rule: "INF-NET-001",
        address: "aws_launch_template.lt",
        attribute: "network_interfaces[0].associate_public_ip_address",
        found: "true",
        expected: "false",
      },
      { rule: "INF-NET-001", address: "aws_ecs_service.svc", attribute: "network_configuration.assign_public_ip", found: "true", expected: "false" },
    ]);
  });
});
