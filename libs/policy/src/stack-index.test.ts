import { describe, expect, it } from "vitest";
import { buildIndex } from "./stack-index";

const tf = {
  resource: {
    aws_s3_bucket: { logs: { "//": { metadata: { path: "stack/logs" } }, bucket: "logs" } },
    aws_s3_bucket_versioning: { v: { bucket: "${aws_s3_bucket.logs.id}", versioning_configuration: { status: "Enabled" } } },
    aws_s3_bucket_logging: { l: { bucket: "other", target_bucket: "${aws_s3_bucket.logs.id}" } },
  },
  data: { aws_iam_policy_document: { p: { statement: [{ resources: ["${aws_s3_bucket.logs.arn}/*"] }] } } },
};

describe("buildIndex", () => {
  const index = buildIndex(tf, "2026-01-01");
  const bucket = index.byAddress("aws_s3_bucket.logs")!;

  it("flattens resources and data sources, dropping cdktf metadata but keeping the construct path", () => {
    expect(index.resources.map((r) => r.address)).toEqual([
      "aws_s3_bucket.logs",
      "aws_s3_bucket_versioning.v",
      "aws_s3_bucket_logging.l",
      "data.aws_iam_policy_document.p",
    ]);
    expect(bucket).toEqual({
      type: "aws_s3_bucket",
      name: "logs",
      mode: "managed",
      address: "aws_s3_bucket.logs",
      values: { bucket: "logs" },
      constructPath: "stack/logs",
    });
  });

  it("finds what references a resource, optionally through one attribute", () => {
    expect(index.referencing(bucket, "aws_s3_bucket_versioning", "bucket").map((r) => r.name)).toEqual(["v"]);
    expect(index.referencing(bucket, "aws_s3_bucket_logging", "bucket")).toEqual([]);
    expect(index.referencing(bucket, "aws_s3_bucket_logging").map((r) => r.name)).toEqual(["l"]);
    expect(index.referencing(bucket, "aws_iam_policy_document", "statement.resources").map((r) => r.address)).toEqual(["data.aws_iam_policy_document.p"]);
  });

  it("resolves a token to the resource it names", () => {
    expect(index.resolve("${aws_s3_bucket.logs.arn}")?.address).toBe("aws_s3_bucket.logs");
    expect(index.resolve("arn:aws:s3:::elsewhere")).toBeUndefined();
  });
});
