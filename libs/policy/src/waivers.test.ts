import { describe, expect, it } from "vitest";
import { buildIndex } from "./stack-index";
import { isExpired, isProtected, matchesAddress, waiverProblems, type Waiver } from "./waivers";

const waiver = (address: string, extra: Partial<Waiver> = {}): Waiver => ({ rule: "INF-VPC-001", address, reason: "dev", ...extra });

describe("matchesAddress", () => {
  it("matches a bare glob against the resource address in any stack", () => {
    expect(matchesAddress(waiver("aws_flow_log.*"), "dev-net", "aws_flow_log.vpc_1")).toBe(true);
    expect(matchesAddress(waiver("aws_flow_log.*"), "dev-net", "aws_vpc.main")).toBe(false);
  });

  it("matches a glob with a slash against stack/address, and treats dots literally", () => {
    expect(matchesAddress(waiver("dev-us-east-1-network-vpc/aws_vpc.*"), "dev-us-east-1-network-vpc", "aws_vpc.main_A1")).toBe(true);
    expect(matchesAddress(waiver("dev-us-east-1-network-vpc/aws_vpc.*"), "prod-us-east-1-network-vpc", "aws_vpc.main_A1")).toBe(false);
    expect(matchesAddress(waiver("aws_vpc.m"), "s", "aws_vpcXm")).toBe(false);
  });
});

describe("waiverProblems / isExpired", () => {
  it("rejects an empty reason and a malformed expiry", () => {
    expect(waiverProblems(waiver("x", { reason: " ", expires: "2026-13-45" }))).toEqual([
      "reason is empty: every waiver needs a written reason",
      'expires "2026-13-45" is not a YYYY-MM-DD date',
    ]);
    expect(waiverProblems(waiver("x", { expires: "2026-02-01" }))).toEqual([]);
  });

  it("keeps a waiver valid through its expiry day", () => {
    expect(isExpired(waiver("x", { expires: "2026-02-01" }), "2026-02-01")).toBe(false);
    expect(isExpired(waiver("x", { expires: "2026-02-01" }), "2026-02-02")).toBe(true);
    expect(isExpired(waiver("x"), "2999-01-01")).toBe(false);
  });
});

describe("isProtected", () => {
  it("protects the tagged state bucket, its satellites and the lock table, nothing else", () => {
    const index = buildIndex(
      {
        resource: {
          aws_s3_bucket: { state: { tags: { InfraRole: "terraform-state" } }, other: { tags: { InfraRole: "app" } } },
          aws_s3_bucket_versioning: { sv: { bucket: "${aws_s3_bucket.state.id}" }, ov: { bucket: "${aws_s3_bucket.other.id}" } },
          aws_dynamodb_table: { lock: { tags_all: { InfraRole: "terraform-state" } } },
        },
      },
      "2026-01-01",
    );
    expect(index.resources.filter((r) => isProtected(r, index)).map((r) => r.address)).toEqual([
      "aws_s3_bucket.state",
      "aws_s3_bucket_versioning.sv",
      "aws_dynamodb_table.lock",
    ]);
  });
});
