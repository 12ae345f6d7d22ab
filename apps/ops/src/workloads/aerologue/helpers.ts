import type { StackJson } from "@infra/workloads";

export type Resource = Record<string, unknown> & { readonly __name: string };

/** The stack of `<env>-us-east-1-<category>-<module>` (or another region). */
export function stack(stacks: readonly StackJson[], name: string): StackJson {
  const found = stacks.find((s) => s.stackName === name);
  if (!found) throw new Error(`no stack ${name}; stacks: ${stacks.map((s) => s.stackName).join(", ")}`);
  return found;
}

/** Every resource of a type in a stack, with its Terraform name as `__name`. */
export function resources(s: StackJson, type: string): Resource[] {
  return Object.entries(s.json.resource?.[type] ?? {}).map(([name, r]) => ({ ...(r as Record<string, unknown>), __name: name }));
}

/** The one resource of a type whose attribute `key` equals `value`. */
export function one(s: StackJson, type: string, key: string, value: unknown): Resource {
  const list = resources(s, type).filter((r) => r[key] === value);
  if (list.length !== 1)
    throw new Error(
      `${s.stackName}: expected one ${type} with ${key}=${String(value)}, found ${list.length}: ${resources(s, type)
        .map((r) => String(r[key]))
        .join(", ")}`,
    );
  return list[0]!;
}

export function policyDocs(s: StackJson): (Record<string, unknown> & { __name: string })[] {
  return Object.entries(s.json.data?.["aws_iam_policy_document"] ?? {}).map(([name, d]) => ({ ...(d as Record<string, unknown>), __name: name }));
}
