import type { Finding, PolicyRule } from "../types";
import { finding } from "./helpers";
import { containersOf, nameOf, UNREADABLE } from "./containers";

/**
 * Privileged containers and the host PID namespace are container escapes by configuration; one
 * role for pulling images and for the app gives the app the pull secrets too.
 */
export const ecsIsolation: PolicyRule = {
  id: "INF-ECS-003",
  title: "ECS tasks: no privileged containers, no host PID namespace, separate execution and task roles",
  mirrors: ["CKV_AWS_334", "CKV_AWS_335", "CKV_AWS_249"],
  catalogue: [42],
  resourceTypes: ["aws_ecs_task_definition"],
  severity: "high",
  check(task) {
    const v = task.values;
    const out: Finding[] = [];
    const containers = containersOf(task);
    if (!containers) out.push(UNREADABLE);
    containers?.forEach((c, i) => {
      if (c["privileged"] === true) out.push(finding(`container_definitions[${nameOf(c, i)}].privileged`, true, "false"));
    });
    if (v["pid_mode"] === "host") out.push(finding("pid_mode", "host", "task or unset"));
    if (v["execution_role_arn"] !== undefined && v["execution_role_arn"] === v["task_role_arn"])
      out.push(finding("task_role_arn", v["task_role_arn"], "a role different from execution_role_arn"));
    return out;
  },
};
