import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import type { ResolvedDeployment } from "@infra/config";
import { testDeployment } from "@infra/config/testing";
import { Testing } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { DeploymentStack } from "./deployment-stack";
import { markLibrary } from "./library-tag";

function deployment(useLockfile: boolean, dynamodbTable?: string): ResolvedDeployment {
  const base = testDeployment({ module: "store", category: "data", declaredIn: "environments/dev/us-east-1/data.ts" });
  return {
    ...base,
    backend: { ...base.backend, useLockfile, ...(dynamodbTable ? { dynamodbTable } : {}) },
    provider: { ...base.provider, defaultTags: { Environment: "dev", ManagedBy: "cdktf" } },
  };
}

class Store extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    markLibrary(this, "s3");
    new S3Bucket(this, "bucket", { bucket: "acme-data", tags: { Name: "acme-data" } });
  }
}

type Json = {
  terraform: Record<string, unknown>;
  provider: { aws: Record<string, unknown>[] };
  resource: Record<string, Record<string, Record<string, unknown>>>;
};

function synth(d: ResolvedDeployment, build?: (s: DeploymentStack) => void): Json {
  const stack = new DeploymentStack(Testing.app(), d, { terraformVersion: ">= 1.10.0" });
  build?.(stack);
  return JSON.parse(Testing.synth(stack)) as Json;
}

describe("DeploymentStack", () => {
  it("writes the S3 backend with encryption and the DynamoDB lock table, and the Terraform version", () => {
    const json = synth(deployment(false, "acme-locks"));
    expect(json.terraform["backend"]).toEqual({
      s3: {
        bucket: "acme-tfstate-111111111111",
        key: "dev/us-east-1/data/store/terraform.tfstate",
        region: "us-east-1",
        encrypt: true,
        dynamodb_table: "acme-locks",
      },
    });
    expect(json.terraform["required_version"]).toBe(">= 1.10.0");
  });

  it("use_lockfile (Terraform >= 1.10 native S3 locking) goes through the one escape hatch", () => {
    const json = synth(deployment(true));
    expect(json.terraform["backend"]).toEqual({
      s3: { bucket: "acme-tfstate-111111111111", key: "dev/us-east-1/data/store/terraform.tfstate", region: "us-east-1", encrypt: true, use_lockfile: true },
    });
  });

  it("pins the provider to the env's account and region, with default tags", () => {
    const json = synth(deployment(false));
    expect(json.provider.aws).toEqual([
      { region: "us-east-1", allowed_account_ids: ["111111111111"], default_tags: [{ tags: { Environment: "dev", ManagedBy: "cdktf" } }] },
    ]);
  });

  it("providerFor(another region) adds one aliased provider with the same account pin and tags", () => {
    const json = synth(deployment(false), (s) => {
      s.providerFor("eu-west-1");
      s.providerFor("eu-west-1");
    });
    expect(json.provider.aws).toHaveLength(2);
    expect(json.provider.aws[1]).toEqual({
      alias: "eu_west_1",
      region: "eu-west-1",
      allowed_account_ids: ["111111111111"],
      default_tags: [{ tags: { Environment: "dev", ManagedBy: "cdktf" } }],
    });
  });

  it("tags each resource with the construct library that made it", () => {
    const json = synth(deployment(false), (s) => new Store(s, "store"));
    expect(Object.values(json.resource["aws_s3_bucket"]!)[0]!["tags"]).toEqual({ Name: "acme-data", Library: "s3" });
  });
});
