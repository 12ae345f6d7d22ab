import { allRules, type CheckResult } from "@infra/policy";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { classify } from "./classify";
import { type Finding, parseCheckovOutput } from "./findings";
import { packWaiverLookup } from "./pack-waivers";
import { globMatch, loadKnown, loadSkips, matchesResource, type Known, type Skip } from "./policy-files";
import { scannableJson } from "./prepare";

const ROOT = resolve(__dirname, "..", "..", "..", "..");

const STACK_JSON = `${JSON.stringify(
  {
    resource: {
      aws_cloudwatch_log_group: { "waf_log-group_B08BEF30": { name: "aws-waf-logs-x", retention_in_days: 30 } },
      aws_s3_bucket: { logs: { bucket: "l" } },
    },
  },
  null,
  2,
)}\n`;
const lineOf = (needle: string) => STACK_JSON.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("checkov JSON output", () => {
  it("reads failed checks into stack + address, recovering the type checkov drops from the scanned file's lines", () => {
    const output = JSON.stringify([
      {
        check_type: "terraform_json",
        results: {
          failed_checks: [
            {
              check_id: "CKV_AWS_338",
              check_name: "retention >= 1 year",
              resource: "resource.waf_log-group_B08BEF30",
              file_path: "/prod/prod-s/cdk.tf.json",
              file_line_range: [lineOf('"waf_log-group_B08BEF30"'), 9],
            },
            {
              check_id: "CKV_AWS_18",
              check_name: "access logs",
              resource: "aws_s3_bucket.logs",
              file_path: "/prod/prod-s/cdk.tf.json",
              file_line_range: [lineOf('"logs"'), 12],
            },
          ],
        },
      },
    ]);
    const findings = parseCheckovOutput(output, (rel) => {
      expect(rel).toBe("prod/prod-s/cdk.tf.json");
      return STACK_JSON;
    });
    expect(findings).toEqual([
      { check: "CKV_AWS_18", name: "access logs", app: "prod", stack: "prod-s", address: "aws_s3_bucket.logs" },
      { check: "CKV_AWS_338", name: "retention >= 1 year", app: "prod", stack: "prod-s", address: "aws_cloudwatch_log_group.waf_log-group_B08BEF30" },
    ]);
  });

  it("scans a copy without the terraform block, which checkov 3.3.30's terraform_json parser cannot read", () => {
    const copy = JSON.parse(scannableJson(JSON.stringify({ terraform: { required_version: ">= 1.10.0" }, resource: { a: { b: {} } } }))) as object;
    expect(copy).toEqual({ resource: { a: { b: {} } } });
  });

  it("leaves out moved blocks (address bookkeeping, no configuration), which the same parser cannot read", () => {
    const json = JSON.stringify({ moved: [{ from: "aws_s3_bucket.old", to: "aws_s3_bucket.new" }], resource: { aws_s3_bucket: { new: { bucket: "b" } } } });
    expect(JSON.parse(scannableJson(json))).toEqual({ resource: { aws_s3_bucket: { new: { bucket: "b" } } } });
  });
});

const f = (check: string, stack: string, address: string): Finding => ({ check, name: "", app: stack.split("-")[0]!, stack, address });

describe("classification", () => {
  const skips: Skip[] = [
    { check: "CKV_AWS_338", reason: "explicit per-env retention, decided", ref: "INF-LOG-002" },
    { check: "CKV_AWS_18", reason: "the log bucket itself is not logged", ref: "INF-S3-005", resources: ["*-ingress/aws_s3_bucket.access-logs_*"] },
    { check: "CKV_AWS_1", reason: "a skip that nothing matches anymore", ref: "INF-X-001" },
  ];
  const known: Known[] = [
    { check: "CKV2_AWS_4", resources: ["*-api-rest/aws_api_gateway_stage.stage"], defect: "C-1 logging off" },
    { check: "CKV_AWS_285", resources: ["*/aws_sfn_state_machine.*"], defect: "C-2 fixed already" },
  ];

  it("sorts failures into waived by our pack, skipped, known defects and new, and lists stale entries", () => {
    const findings = [
      f("CKV_AWS_338", "prod-a", "aws_cloudwatch_log_group.x"),
      f("CKV_AWS_18", "prod-ingress", "aws_s3_bucket.access-logs_bucket_1"),
      f("CKV_AWS_18", "prod-storage", "aws_s3_bucket.data"),
      f("CKV2_AWS_4", "prod-api-rest", "aws_api_gateway_stage.stage"),
      f("CKV_AWS_157", "dev-rds", "aws_db_instance.db"),
    ];
    const pack = packWaiverLookup([
      {
        rule: "INF-RDS-005",
        mirrors: ["CKV_AWS_157", "AwsSolutions-RDS3"],
        stack: "dev-rds",
        address: "aws_db_instance.db",
        status: "waived",
        waiver: { rule: "INF-RDS-005", address: "aws_db_instance.*", reason: "single-AZ in dev", level: "environments/dev/env.ts" },
      } as unknown as CheckResult,
    ]);
    const c = classify(findings, skips, known, pack);
    expect(c.waived.map((w) => [w.finding.check, w.waiver])).toEqual([
      ["CKV_AWS_157", { rule: "INF-RDS-005", reason: "single-AZ in dev", level: "environments/dev/env.ts" }],
    ]);
    expect(c.skipped.map((s) => s.finding.stack)).toEqual(["prod-a", "prod-ingress"]);
    expect(c.known.map((k) => k.entry.defect)).toEqual(["C-1 logging off"]);
    expect(c.failed).toEqual([f("CKV_AWS_18", "prod-storage", "aws_s3_bucket.data")]);
    expect(c.staleKnown.map((k) => k.defect)).toEqual(["C-2 fixed already"]);
    expect(c.unusedSkips.map((s) => s.check)).toEqual(["CKV_AWS_1"]);
  });

  it("matches <stack glob>/<address glob> with * only", () => {
    expect(globMatch("prod-*-vpc", "prod-us-east-1-network-vpc")).toBe(true);
    expect(globMatch("aws_s3_bucket.logs?", "aws_s3_bucket.logs1")).toBe(false);
    expect(matchesResource(undefined, "any", "thing")).toBe(true);
    expect(matchesResource(["dev-*/aws_db_instance.*"], "prod-x", "aws_db_instance.a")).toBe(false);
  });
});

describe("the reviewed files", () => {
  const skips = loadSkips(ROOT);
  const rules = new Map(allRules.map((r) => [r.id, r]));

  it("every INF id a skip names exists in our policy pack", () => {
    const named = skips.flatMap((s) => s.ref.match(/INF-[A-Z0-9]+-\d{3}/g) ?? []);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((id) => !rules.has(id))).toEqual([]);
  });

  it("a skipped check that one of our rules mirrors names that rule: the pack's position is written next to the skip", () => {
    const missing = skips
      .map((s) => ({ s, mirroring: allRules.filter((r) => r.mirrors.includes(s.check)).map((r) => r.id) }))
      .filter(({ s, mirroring }) => mirroring.length > 0 && !mirroring.some((id) => s.ref.includes(id)))
      .map(({ s, mirroring }) => `${s.check} (mirrored by ${mirroring.join(", ")})`);
    expect(missing).toEqual([]);
  });

  it("every skip without a reference to our pack points at a decision (doc, seed or catalogue)", () => {
    const bare = skips.filter((s) => !/INF-|docs\/|POLICIES\.md|seed|catalogue/.test(s.ref)).map((s) => s.check);
    expect(bare).toEqual([]);
  });

  it("the known-findings baseline names a defect id for every entry", () => {
    for (const k of loadKnown(ROOT)) expect(k.defect).toMatch(/^C-\d+: /);
  });

  it("rejects a malformed entry, naming the file and field", () => {
    const dir = mkdtempSync(join(tmpdir(), "skips-"));
    writeFileSync(join(dir, "s.yaml"), "skips:\n  - check: CKV_AWS_1\n    reason: short\n    ref: INF-S3-001\n");
    expect(() => loadSkips(dir, "s.yaml")).toThrow(/s\.yaml: skips\.0\.reason/);
    writeFileSync(
      join(dir, "d.yaml"),
      readFileSync(join(dir, "s.yaml"), "utf8").replace("short", "a reason that is long enough") +
        "  - check: CKV_AWS_1\n    reason: a reason that is long enough\n    ref: INF-S3-001\n",
    );
    expect(() => loadSkips(dir, "d.yaml")).toThrow("d.yaml: CKV_AWS_1 is skipped twice; one entry per check id");
  });
});
