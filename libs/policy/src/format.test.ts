import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { formatReport } from "./format";
import { s3Versioning } from "./rules/s3-versioning";
import type { Waiver } from "./waivers";

const versioned = (name: string, status: string) => ({
  [name]: { bucket: `\${aws_s3_bucket.${name}.id}`, versioning_configuration: { status } },
});

describe("formatReport", () => {
  it("renders rules × resources, waiver sections and the summary line", () => {
    const waivers: Waiver[] = [
      { rule: "INF-S3-004", address: "aws_s3_bucket.scratch", reason: "throwaway data", level: "environments/dev/env.ts" },
      { rule: "INF-S3-004", address: "aws_s3_bucket.gone", reason: "old", level: "environments/dev/env.ts" },
      { rule: "INF-S3-004", address: "aws_s3_bucket.raw", reason: "old", expires: "2026-01-01" },
    ];
    const tf = {
      resource: {
        aws_s3_bucket: { assets: {}, scratch: {}, raw: {} },
        aws_s3_bucket_versioning: { ...versioned("assets", "Enabled"), ...versioned("scratch", "Suspended"), ...versioned("raw", "Suspended") },
      },
    };
    const report = evaluate(tf, { stack: "dev-data", today: "2026-06-01", waivers, rules: [s3Versioning] });
    const other = evaluate({ resource: { aws_s3_bucket: {} } }, { stack: "dev-net", today: "2026-06-01", waivers, rules: [s3Versioning] });
    expect(formatReport([report, other], "dev")).toBe(
      [
        "RULE        " + "RESOURCE".padEnd(30) + "  RESULT",
        "INF-S3-004  dev-data/aws_s3_bucket.assets   passed",
        "INF-S3-004  dev-data/aws_s3_bucket.raw      FAILED: aws_s3_bucket_versioning.raw.versioning_configuration.status = Suspended, expected Enabled",
        "INF-S3-004  dev-data/aws_s3_bucket.scratch  waived (throwaway data)",
        "",
        "Unused waivers (they waive nothing: remove them):",
        "  - INF-S3-004 on aws_s3_bucket.gone (environments/dev/env.ts)",
        "",
        "Expired waivers (no longer waive):",
        "  - INF-S3-004 on aws_s3_bucket.raw expired 2026-01-01",
        "",
        "dev: 6 resources, 3 checks: 1 passed, 1 waived, 1 failed, 1 unused waivers",
      ].join("\n"),
    );
  });

  it("summarises an empty run", () => {
    const report = evaluate({}, { stack: "s", today: "2026-06-01", rules: [s3Versioning] });
    expect(formatReport([report], "prod")).toBe("(no checks)\n\nprod: 0 resources, 0 checks: 0 passed, 0 waived, 0 failed, 0 unused waivers");
  });

  it("lists rejected and invalid waivers", () => {
    const tf = {
      resource: {
        aws_s3_bucket: { state: { tags: { InfraRole: "terraform-state" } } },
        aws_s3_bucket_versioning: versioned("state", "Suspended"),
      },
    };
    const waivers: Waiver[] = [
      { rule: "INF-S3-004", address: "aws_s3_bucket.*", reason: "dev buckets", level: "environments/dev/env.ts" },
      { rule: "INF-S3-004", address: "aws_s3_bucket.x", reason: "", expires: "soon" },
    ];
    const report = evaluate(tf, { stack: "bootstrap", today: "2026-06-01", waivers, rules: [s3Versioning] });
    expect(formatReport([report], "bootstrap").split("\n").slice(2)).toEqual([
      "",
      "Rejected waivers:",
      "  - INF-S3-004 on aws_s3_bucket.* (environments/dev/env.ts) matched bootstrap/aws_s3_bucket.state: the Terraform state bucket and lock table (tag InfraRole = terraform-state) can never be waived",
      "",
      "Invalid waivers (they waive nothing):",
      '  - INF-S3-004 on aws_s3_bucket.x: reason is empty: every waiver needs a written reason; expires "soon" is not a YYYY-MM-DD date',
      "",
      "bootstrap: 2 resources, 1 checks: 0 passed, 0 waived, 1 failed, 0 unused waivers",
    ]);
  });
});
