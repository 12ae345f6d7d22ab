import type { PolicyRule } from "../types";
import { blocks, finding } from "./helpers";

/** Per-task CPU/memory metrics are how a noisy service is found, and how alarms see it. */
export const ecsContainerInsights: PolicyRule = {
  id: "INF-ECS-001",
  title: "ECS cluster has Container Insights enabled",
  mirrors: ["CKV_AWS_65", "AwsSolutions-ECS4"],
  catalogue: [40],
  resourceTypes: ["aws_ecs_cluster"],
  severity: "low",
  check(cluster) {
    const setting = blocks(cluster.values, "setting").find((s) => s["name"] === "containerInsights");
    return setting?.["value"] === "enabled" || setting?.["value"] === "enhanced"
      ? []
      : [finding("setting[containerInsights]", setting?.["value"], "enabled or enhanced")];
  },
};
