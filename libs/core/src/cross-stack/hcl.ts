import type { PlaceholderValue } from "./placeholders";

/**
 * A value as an HCL literal inside a `${...}` expression of Terraform JSON. JSON's string escapes
 * are a subset of HCL's; template sequences are escaped so a value is never interpolated.
 */
export function hclLiteral(value: PlaceholderValue): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === "string") return JSON.stringify(value).replace(/\$\{/g, "$$${").replace(/%\{/g, "%%{");
  return `[${value.map((v) => hclLiteral(v)).join(", ")}]`;
}
