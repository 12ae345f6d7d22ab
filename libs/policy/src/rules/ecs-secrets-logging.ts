import type { Finding, JsonObject, PolicyRule } from "../types";
import { ACCESS_KEY, finding, SECRET_NAME } from "./helpers";
import { containersOf, nameOf, UNREADABLE } from "./containers";

/** Names that describe where a secret is, not the secret itself. */
const REFERENCE_NAME = /(_ARN|_NAME|_ID|_PATH|_PARAM|_REGION)$/i;

function literalSecrets(container: JsonObject): string[] {
  const env = Array.isArray(container["environment"]) ? (container["environment"] as JsonObject[]) : [];
  return env
    .filter((e) => typeof e["value"] === "string" && e["value"] !== "")
    .filter(
      (e) =>
        (SECRET_NAME.test(String(e["name"])) && !REFERENCE_NAME.test(String(e["name"])) && !String(e["value"]).startsWith("arn:")) ||
        ACCESS_KEY.test(String(e["value"])),
    )
    .map((e) => String(e["name"]));
}

/**
 * Secrets arrive through `secrets[].valueFrom` (Secrets Manager / SSM), never as plain
 * environment values visible in the task definition; every container ships its logs.
 */
export const ecsSecretsLogging: PolicyRule = {
  id: "INF-ECS-004",
  title: "ECS containers take secrets only via secrets[].valueFrom and have a logConfiguration",
  mirrors: ["AwsSolutions-ECS2", "AwsSolutions-ECS7"],
  catalogue: [43],
  resourceTypes: ["aws_ecs_task_definition"],
  severity: "high",
  check(task) {
    const containers = containersOf(task);
    if (!containers) return [UNREADABLE];
    const out: Finding[] = [];
    containers.forEach((c, i) => {
      const at = `container_definitions[${nameOf(c, i)}]`;
      for (const name of literalSecrets(c)) out.push(finding(`${at}.environment[${name}]`, "a literal value", "secrets[].valueFrom (Secrets Manager or SSM)"));
      if (!c["logConfiguration"]) out.push(finding(`${at}.logConfiguration`, undefined, "a log driver (e.g. awslogs)"));
    });
    return out;
  },
};
