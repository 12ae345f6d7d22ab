import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { Testing, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";

/** Version 1 of a construct: the bucket sits directly under it. */
class StoreV1 extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new S3Bucket(this, "bucket", { bucket: "acme-data" });
  }
}

/** Version 2 (a refactor): the bucket moved under a "storage" child — a new address for the same bucket. */
class StoreV2 extends Construct {
  constructor(scope: Construct, id: string, keepAddressOf?: string) {
    super(scope, id);
    const storage = new Construct(this, "storage");
    const bucket = new S3Bucket(storage, "bucket", { bucket: "acme-data" });
    if (keepAddressOf) bucket.moveFromId(keepAddressOf);
  }
}

function synth(build: (stack: TerraformStack) => void): { resource: Record<string, Record<string, unknown>>; moved?: unknown[] } {
  const stack = new TerraformStack(Testing.app(), "refactor");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  build(stack);
  return JSON.parse(Testing.synth(stack));
}

describe("refactoring with a moved block (docs/refactoring.md)", () => {
  const before = synth((s) => new StoreV1(s, "store"));
  const oldAddress = `aws_s3_bucket.${Object.keys(before.resource["aws_s3_bucket"]!)[0]}`;

  it("a construct refactor changes the Terraform address: without a move, Terraform would replace the bucket", () => {
    const after = synth((s) => new StoreV2(s, "store"));
    const newAddress = `aws_s3_bucket.${Object.keys(after.resource["aws_s3_bucket"]!)[0]}`;
    expect(newAddress).not.toBe(oldAddress);
    expect(after.moved).toBeUndefined();
  });

  it("moveFromId keeps the real resource: Terraform gets a moved block from the old address to the new one", () => {
    const after = synth((s) => new StoreV2(s, "store", oldAddress));
    const newAddress = `aws_s3_bucket.${Object.keys(after.resource["aws_s3_bucket"]!)[0]}`;
    expect(after.moved).toEqual([{ from: oldAddress, to: newAddress }]);
  });
});
