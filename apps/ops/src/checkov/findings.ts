import { addressAtLine } from "../validate/diagnostics";

/** One failed checkov check on one resource of one stack. */
export interface Finding {
  readonly check: string;
  readonly name: string;
  /** App the stack belongs to (env name or "bootstrap"). */
  readonly app: string;
  readonly stack: string;
  /** Terraform address in the stack: `aws_s3_bucket.logs`, `data.aws_iam_policy_document.x`. */
  readonly address: string;
}

interface RawCheck {
  check_id: string;
  check_name?: string;
  resource: string;
  file_path: string;
  file_line_range?: [number, number];
}

interface RawReport {
  check_type?: string;
  results?: { failed_checks?: RawCheck[] };
}

/**
 * Findings from checkov's JSON output (`-o json`, one report or a list of reports). Files are laid
 * out as <app>/<stack>/cdk.tf.json (see prepare.ts). checkov's terraform_json runner sometimes drops
 * the resource type from `resource` ("resource.<name>"): the address is read back from the line
 * range in the file it scanned.
 */
export function parseCheckovOutput(stdout: string, readFile: (relPath: string) => string): Finding[] {
  const parsed = JSON.parse(stdout) as RawReport | RawReport[];
  const reports = Array.isArray(parsed) ? parsed : [parsed];
  const texts = new Map<string, string>();
  const out: Finding[] = [];
  for (const report of reports) {
    for (const c of report.results?.failed_checks ?? []) {
      const rel = c.file_path.replace(/^\/+/, "");
      const [app, stack] = rel.split("/");
      if (!app || !stack) throw new Error(`checkov reported a file outside <app>/<stack>/: ${c.file_path}`);
      if (!texts.has(rel)) texts.set(rel, readFile(rel));
      const fromLine = c.file_line_range ? addressAtLine(texts.get(rel)!, c.file_line_range[0]) : undefined;
      out.push({ check: c.check_id, name: c.check_name ?? "", app, stack, address: fromLine ?? c.resource });
    }
  }
  return out.sort((a, b) => a.check.localeCompare(b.check) || a.stack.localeCompare(b.stack) || a.address.localeCompare(b.address));
}
