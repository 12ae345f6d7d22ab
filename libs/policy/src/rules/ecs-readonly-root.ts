import type { PolicyRule } from "../types";
import { finding } from "./helpers";
import { containersOf, nameOf, UNREADABLE } from "./containers";

/** An immutable root filesystem stops a compromised process from persisting tools in the image. */
export const ecsReadonlyRoot: PolicyRule = {
  id: "INF-ECS-002",
  title: "ECS containers have a read-only root filesystem",
  mirrors: ["CKV_AWS_336"],
  catalogue: [41],
  resourceTypes: ["aws_ecs_task_definition"],
  severity: "medium",
  check(task) {
    const containers = containersOf(task);
    if (!containers) return [UNREADABLE];
    return containers.flatMap((c, i) =>
      c["readonlyRootFilesystem"] === true
        ? []
        : [finding(`container_definitions[${nameOf(c, i)}].readonlyRootFilesystem`, c["readonlyRootFilesystem"], "true")],
    );
  },
};
