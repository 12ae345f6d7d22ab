import { describe, expect, it } from "vitest";
import { firstReference, isToken, referencesIn } from "./refs";

describe("referencesIn", () => {
  it("reads a plain cdktf token", () => {
    expect(referencesIn("${aws_s3_bucket.logs_ABC123.id}")).toEqual([{ address: "aws_s3_bucket.logs_ABC123", attribute: "id" }]);
  });

  it("reads tokens embedded in text and in function calls, including splats and data sources", () => {
    expect(referencesIn("arn:${aws_s3_bucket.b.arn}/* ${element(aws_subnet.a.*.id, 0)} ${data.aws_iam_policy_document.p.json}")).toEqual([
      { address: "aws_s3_bucket.b", attribute: "arn" },
      { address: "aws_subnet.a", attribute: "" },
      { address: "data.aws_iam_policy_document.p", attribute: "json" },
    ]);
  });

  it("ignores variables, locals and literals", () => {
    expect(referencesIn("${var.region}-${local.name} plain aws_s3_bucket.x.id")).toEqual([]);
  });

  it("reads cross-stack remote state as a data source", () => {
    expect(firstReference("${data.terraform_remote_state.cross-stack-reference-input-net.outputs.vpc_id}")).toEqual({
      address: "data.terraform_remote_state.cross-stack-reference-input-net",
      attribute: "outputs",
    });
  });
});

describe("isToken", () => {
  it("tells interpolations from literals", () => {
    expect([isToken("${aws_kms_key.k.arn}"), isToken("arn:aws:kms:eu-west-1:1:key/x"), isToken(3)]).toEqual([true, false, false]);
  });
});
