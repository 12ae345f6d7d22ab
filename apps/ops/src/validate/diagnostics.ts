/** Output of `tofu validate -json` (the same format as `terraform validate -json`, format_version 1.x). */
export interface ValidateOutput {
  readonly valid: boolean;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly diagnostics: readonly Diagnostic[];
}

export interface Diagnostic {
  readonly severity: "error" | "warning";
  readonly summary: string;
  readonly detail: string;
  /** Resource address, from the diagnostic or from the line of cdk.tf.json it points at. */
  readonly address?: string;
  readonly file?: string;
  readonly line?: number;
}

interface RawDiagnostic {
  severity?: string;
  summary?: string;
  detail?: string;
  address?: string;
  range?: { filename?: string; start?: { line?: number } };
}

/**
 * Parse `validate -json`. Anything that is not that JSON (a crash, a plugin error printed as text)
 * becomes one error diagnostic carrying the text, so a failure is never silently "valid".
 */
export function parseValidateJson(stdout: string, configText?: string): ValidateOutput {
  let raw: { valid?: boolean; error_count?: number; warning_count?: number; diagnostics?: RawDiagnostic[] };
  try {
    raw = JSON.parse(stdout) as typeof raw;
  } catch {
    const text = stdout.trim().slice(0, 2000) || "(no output)";
    return { valid: false, errorCount: 1, warningCount: 0, diagnostics: [{ severity: "error", summary: "validate did not print JSON", detail: text }] };
  }
  const diagnostics = (raw.diagnostics ?? []).map((d): Diagnostic => {
    const line = d.range?.start?.line;
    const address = d.address ?? (configText !== undefined && line !== undefined ? addressAtLine(configText, line) : undefined);
    return {
      severity: d.severity === "warning" ? "warning" : "error",
      summary: d.summary ?? "",
      detail: d.detail ?? "",
      ...(address ? { address } : {}),
      ...(d.range?.filename ? { file: d.range.filename } : {}),
      ...(line !== undefined ? { line } : {}),
    };
  });
  const errorCount = raw.error_count ?? diagnostics.filter((d) => d.severity === "error").length;
  return {
    valid: raw.valid === true && errorCount === 0,
    errorCount,
    warningCount: raw.warning_count ?? diagnostics.filter((d) => d.severity === "warning").length,
    diagnostics,
  };
}

/**
 * The Terraform address of the block that contains `line` (1-based) of a pretty-printed Terraform
 * JSON file: `aws_s3_bucket.logs`, `data.aws_iam_policy_document.x`, `output.arn`, `provider.aws`.
 * Works on indentation, which is how cdktf (JSON.stringify with an indent) writes cdk.tf.json.
 */
export function addressAtLine(text: string, line: number): string | undefined {
  const lines = text.split("\n");
  const unit = lines.map((l) => /^( +)\S/.exec(l)?.[1]!.length).find((n) => n !== undefined) ?? 2;
  const keys: string[] = [];
  for (let i = 0; i < Math.min(line, lines.length); i++) {
    const m = /^( *)"((?:[^"\\]|\\.)*)"\s*:/.exec(lines[i]!);
    if (!m) continue;
    const depth = m[1]!.length / unit;
    if (!Number.isInteger(depth) || depth < 1) continue;
    keys.length = depth - 1;
    keys[depth - 1] = m[2]!;
  }
  const [kind, a, b] = keys;
  if (!kind || !a) return undefined;
  if (kind === "resource") return b ? `${a}.${b}` : a;
  if (kind === "data") return b ? `data.${a}.${b}` : `data.${a}`;
  if (kind === "terraform") return "terraform";
  return `${kind}.${a}`;
}

/** The lines printed for one failed stack: stack, then per diagnostic its address, summary and detail. */
export function formatDiagnostics(stack: string, out: ValidateOutput): string[] {
  const lines = [`FAIL ${stack}: ${out.errorCount} error(s), ${out.warningCount} warning(s)`];
  for (const d of out.diagnostics) {
    const where = [d.address, d.file && d.line !== undefined ? `${d.file}:${d.line}` : d.file].filter(Boolean).join(" at ");
    lines.push(`  ${d.severity}: ${d.summary}${where ? ` [${where}]` : ""}`);
    for (const l of d.detail.split("\n").filter(Boolean)) lines.push(`    ${l}`);
  }
  return lines;
}
