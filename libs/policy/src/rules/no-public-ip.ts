import type { PolicyRule } from "../types";
import { blocks, finding, get, isTrue } from "./helpers";

/** Where each resource type asks for a public IP. */
const PUBLIC_IP: Record<string, string> = {
  aws_subnet: "map_public_ip_on_launch",
  aws_instance: "associate_public_ip_address",
  aws_ecs_service: "network_configuration.assign_public_ip",
};

/** Workloads are reached through a load balancer and reach out through NAT; a public IP bypasses both. */
export const noPublicIp: PolicyRule = {
  id: "INF-NET-001",
  title: "No public IPs on subnets, instances, launch templates or ECS tasks",
  mirrors: ["CKV_AWS_130", "CKV_AWS_88", "CKV_AWS_333"],
  catalogue: [5],
  resourceTypes: ["aws_subnet", "aws_instance", "aws_launch_template", "aws_ecs_service"],
  severity: "high",
  check(resource) {
    const expected = resource.type === "aws_subnet" ? "false (public subnets carry a waiver)" : "false";
    if (resource.type === "aws_launch_template") {
      return blocks(resource.values, "network_interfaces").flatMap((ni, i) =>
        isTrue(ni["associate_public_ip_address"])
          ? [finding(`network_interfaces[${i}].associate_public_ip_address`, ni["associate_public_ip_address"], expected)]
          : [],
      );
    }
    const path = PUBLIC_IP[resource.type]!;
    const value = get(resource.values, path);
    return isTrue(value) ? [finding(path, value, expected)] : [];
  },
};
