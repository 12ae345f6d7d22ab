/** Reading container definitions of aws_ecs_task_definition: a JSON string (references inside). */
import type { JsonObject, SynthResource } from "../types";

/** The containers, or undefined when the definitions are not literal JSON (e.g. a jsonencode() call). */
export function containersOf(task: SynthResource): JsonObject[] | undefined {
  const raw = task.values["container_definitions"];
  if (typeof raw !== "string") return undefined;
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) ? (parsed.filter((c) => c && typeof c === "object") as JsonObject[]) : undefined;
  } catch {
    return undefined;
  }
}

export const UNREADABLE = {
  attribute: "container_definitions",
  found: "not literal JSON",
  expected: "container definitions readable at synth time (JSON.stringify, not jsonencode)",
};

export const nameOf = (c: JsonObject, i: number) => (typeof c["name"] === "string" ? c["name"] : `#${i}`);
