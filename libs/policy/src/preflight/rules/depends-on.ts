import { finding, show } from "../../rules/helpers";
import type { Finding, PreflightRule, TerraformJson } from "../types";

/** `aws_x.y`, `data.aws_x.y`, `ephemeral.aws_x.y`, `module.m` (optionally indexed with a constant key). */
const STATIC = /^(?:((?:data|ephemeral)\.)?[a-z][a-z0-9_]*\.[A-Za-z_][\w-]*|module\.[A-Za-z_][\w-]*)(?:\[(?:\d+|"[^"]*")\])?$/;

/** Is `address` an `ephemeral` block of the stack (Terraform >= 1.10; not in the resource index)? */
function declaresEphemeral(json: TerraformJson, address: string): boolean {
  const [, type, name] = address.split(".");
  const blocks = (json as { ephemeral?: Record<string, Record<string, unknown>> }).ephemeral;
  return !!type && !!name && blocks?.[type]?.[name] !== undefined;
}

/**
 * Terraform reads `depends_on` as static references, never as expressions: in JSON syntax each entry
 * is the bare text of a reference. cdktf renders `dependsOn: [construct]` that way; passing a
 * token (`construct.fqn` inside a template) gives `"${aws_x.y}"`, which Terraform rejects.
 */
export const dependsOnReferences: PreflightRule = {
  id: "PRE-TF-001",
  title: "depends_on entries are bare references to resources declared in the stack",
  consequence:
    'terraform validate fails: "Invalid expression: A single static variable reference is required: only attribute access and indexing with constant keys. No calculations, function calls, template expressions, etc are allowed here." (or "Reference to undeclared resource")',
  severity: "high",
  catalogue: [],
  defects: [2],
  scope: "stack",
  resourceTypes: ["*", "data.*"],
  appliesTo: ({ resource }) => resource.values["depends_on"] !== undefined,
  check({ resource, stack }) {
    const entries = resource.values["depends_on"];
    if (!Array.isArray(entries)) return [finding("depends_on", entries, 'a list of references, e.g. ["aws_iam_role_policy.p"]')];
    const out: Finding[] = [];
    for (const entry of entries) {
      if (typeof entry !== "string" || !STATIC.test(entry)) {
        const bare = typeof entry === "string" ? entry.replace(/^\$\{(.*)\}$/, "$1") : undefined;
        out.push(
          finding(
            "depends_on",
            show(entry),
            bare && STATIC.test(bare) ? `"${bare}" (a bare reference: pass the construct, not its fqn token)` : "a bare reference such as aws_x.y",
          ),
        );
        continue;
      }
      const address = entry.replace(/\[.*\]$/, "");
      if (address.startsWith("ephemeral.") ? !declaresEphemeral(stack.json, address) : !address.startsWith("module.") && !stack.index.byAddress(address))
        out.push(finding("depends_on", entry, "a resource or data source declared in this stack"));
    }
    return out;
  },
};
