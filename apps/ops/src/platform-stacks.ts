/**
 * Reading an env's synthesized stacks in the seed 004 (platform) tests: one stack by name, the
 * resources of one type in it.
 */
import { type StackJson, resourcesOfType } from "@infra/workloads";

/** A resource's synthesized JSON. */
export type R = Record<string, unknown>;

/** `[logical id, resource]` of every resource of `type` in the stack. */
export const entries = (stack: StackJson, type: string): [string, R][] => Object.entries(resourcesOfType(stack.json, type));

/** Every resource of `type` in the stack. */
export const values = (stack: StackJson, type: string): R[] => entries(stack, type).map(([, v]) => v);

/** The stack named `name`; the error lists the names there are. */
export const stackOf = (stacks: StackJson[], name: string): StackJson => {
  const found = stacks.find((s) => s.stackName === name);
  if (!found) throw new Error(`no stack ${name}; have ${stacks.map((s) => s.stackName).join(", ")}`);
  return found;
};
