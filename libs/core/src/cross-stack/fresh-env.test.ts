import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DbSubnetGroup } from "@cdktf/provider-aws/lib/db-subnet-group";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import type { RegionName, ResolvedDeployment } from "@infra/config";
import { testDeployment } from "@infra/config/testing";
import { App } from "cdktf";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DeploymentStack } from "../deployment-stack";
import { PLACEHOLDERS_CHECK, PLACEHOLDERS_LOCAL, PLACEHOLDER_GUARD, PLACEHOLDER_GUARD_ADDRESS, PLACEHOLDER_WORKSPACE, addFreshEnvFallbacks } from "./fresh-env";

function deployment(module: string, region: RegionName = "us-east-1"): ResolvedDeployment {
  const base = testDeployment({ module, region });
  return { ...base, backend: { ...base.backend, dynamodbTable: "acme-locks" }, provider: { ...base.provider, defaultTags: { Environment: "dev" } } };
}

type Json = {
  data?: Record<string, Record<string, Record<string, unknown>>>;
  resource: Record<string, Record<string, Record<string, unknown>>>;
  locals?: Record<string, string>;
  check?: Record<string, { assert: { condition: string; error_message: string }[] }>;
  output?: Record<string, { value: string }>;
};

/** A producer (keys, subnets; one key in another region) and a consumer of some of its outputs, through a real synth. */
function synthPair(): { producer: Json; consumer: Json; plain: Json } {
  const outdir = mkdtempSync(join(tmpdir(), "fresh-env-"));
  try {
    const app = new App({ outdir });
    const opts = { terraformVersion: ">= 1.10.0" };
    const producer = new DeploymentStack(app, deployment("base"), opts);
    const key = new KmsKey(producer, "key", { description: "data" });
    const drKey = new KmsKey(producer, "dr-key", { description: "dr", provider: producer.providerFor("eu-west-1") });
    const subnets = ["a", "b"].map((n, i) => new Subnet(producer, `subnet-${n}`, { vpcId: "vpc-123", cidrBlock: `10.0.${i}.0/24` }));

    const consumer = new DeploymentStack(app, deployment("app"), opts);
    consumer.addDependency(producer);
    const group = new DbSubnetGroup(consumer, "subnets", { name: "app", subnetIds: subnets.map((s) => s.id) });
    new CloudwatchLogGroup(consumer, "logs", { name: "/app", kmsKeyId: key.arn, dependsOn: [group] });
    new CloudwatchLogGroup(consumer, "dr-logs", { name: "/app-dr", kmsKeyId: drKey.arn });

    const plain = new DeploymentStack(app, deployment("plain"), opts);
    new S3Bucket(plain, "bucket", { bucket: "acme-plain" });
    app.synth();
    const read = (s: DeploymentStack) => JSON.parse(readFileSync(join(outdir, "stacks", s.deployment.stackName, "cdk.tf.json"), "utf8")) as Json;
    return { producer: read(producer), consumer: read(consumer), plain: read(plain) };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const REMOTE = "cross-stack-reference-input-dev-us-east-1-demo-base";
const READ = new RegExp(`data\\.terraform_remote_state\\.${REMOTE}\\.outputs\\.([\\w-]+)`, "g");
const APPLIED = `contains(data.aws_s3_objects.cross-stack-state-dev-us-east-1-demo-base.keys, "dev/us-east-1/demo/base/terraform.tfstate")`;

describe("plan on a fresh env: cross-stack reads fall back to typed placeholders", () => {
  const { producer, consumer, plain } = synthPair();
  const remote = consumer.data!["terraform_remote_state"]![REMOTE]!;
  const reads = [...new Set([...JSON.stringify(consumer.resource).matchAll(READ)].map((m) => m[1]!))].sort();

  it("leaves every read exactly as cdktf wrote it (a plain reference to the remote state's outputs)", () => {
    expect(reads).toHaveLength(4); // 2 subnets, 2 keys
    expect(consumer.resource["aws_cloudwatch_log_group"]!["logs"]!["kms_key_id"]).toMatch(
      new RegExp(`^\\$\\{data\\.terraform_remote_state\\.${REMOTE}\\.outputs\\.[\\w-]+\\}$`),
    );
  });

  it("probes the producer's state object, and reads the empty in-memory state while it is missing", () => {
    expect(consumer.data!["aws_s3_objects"]).toEqual({
      "cross-stack-state-dev-us-east-1-demo-base": {
        bucket: "acme-tfstate-111111111111",
        prefix: "dev/us-east-1/demo/base/terraform.tfstate",
        max_keys: 1,
        region: "us-east-1",
      },
    });
    expect(remote["backend"]).toBe(`\${${APPLIED} ? "s3" : "inmem"}`);
    expect(remote["config"]).toBe(
      `\${${APPLIED} ? tomap({bucket = "acme-tfstate-111111111111", dynamodb_table = "acme-locks", encrypt = "true", key = "dev/us-east-1/demo/base/terraform.tfstate", region = "us-east-1"}) : tomap({})}`,
    );
    expect(remote["workspace"]).toBe(`\${${APPLIED} ? terraform.workspace : "${PLACEHOLDER_WORKSPACE}"}`);
  });

  it("gives every read output a default of the right type, for the right region and account", () => {
    const defaults = remote["defaults"] as Record<string, string>;
    expect(Object.keys(defaults).sort()).toEqual(reads);
    const outputs = producer.output!;
    const byProduced = Object.fromEntries(Object.entries(defaults).map(([id, v]) => [outputs[id]!.value, v]));
    expect(byProduced).toEqual({
      "${aws_kms_key.key.arn}": expect.stringMatching(/^arn:aws:kms:us-east-1:111111111111:key\/00000000-0000-0000-0000-[0-9a-f]{12}$/),
      "${aws_kms_key.dr-key.arn}": expect.stringMatching(/^arn:aws:kms:eu-west-1:111111111111:key\/00000000-/),
      "${aws_subnet.subnet-a.id}": expect.stringMatching(/^subnet-00000000[0-9a-f]{9}$/),
      "${aws_subnet.subnet-b.id}": expect.stringMatching(/^subnet-00000000[0-9a-f]{9}$/),
    });
    expect(byProduced["${aws_subnet.subnet-a.id}"]).not.toBe(byProduced["${aws_subnet.subnet-b.id}"]);
  });

  it("lists the reads on placeholders, each compared with its own default, and warns with the list (check block)", () => {
    const list = consumer.locals![PLACEHOLDERS_LOCAL]!;
    const defaults = remote["defaults"] as Record<string, string>;
    for (const id of reads) {
      expect(list).toContain(`data.terraform_remote_state.${REMOTE}.outputs.${id} == ${JSON.stringify(defaults[id])} ? "dev-us-east-1-demo-base aws_`);
    }
    expect(list).toMatch(/^\$\{compact\(\[.*\]\)\}$/);
    expect(list).toContain('"dev-us-east-1-demo-base aws_kms_key.key.arn"');
    expect(consumer.check![PLACEHOLDERS_CHECK]!.assert).toEqual([
      { condition: `\${length(local.${PLACEHOLDERS_LOCAL}) == 0}`, error_message: expect.stringContaining(`\${join(", ", local.${PLACEHOLDERS_LOCAL})}`) },
    ]);
  });

  it("guards apply: a terraform_data exists only while placeholders are in use, its precondition is unknown at plan and false at apply", () => {
    expect(consumer.resource["terraform_data"]![PLACEHOLDER_GUARD]).toEqual({
      count: `\${length(local.${PLACEHOLDERS_LOCAL}) > 0 ? 1 : 0}`,
      input: `\${local.${PLACEHOLDERS_LOCAL}}`,
      lifecycle: {
        precondition: [
          {
            condition: `\${length(local.${PLACEHOLDERS_LOCAL}) == 0 || timestamp() == ""}`,
            error_message: expect.stringMatching(/^Refusing to apply: .*\$\{join\(", ", local\.cross-stack-placeholders\)\}/),
          },
        ],
      },
    });
  });

  it("every other resource of the consumer depends on the guard, keeping its own dependencies", () => {
    const logs = consumer.resource["aws_cloudwatch_log_group"]!;
    expect(logs["logs"]!["depends_on"]).toEqual(["aws_db_subnet_group.subnets", PLACEHOLDER_GUARD_ADDRESS]);
    expect(logs["dr-logs"]!["depends_on"]).toEqual([PLACEHOLDER_GUARD_ADDRESS]);
    expect(consumer.resource["aws_db_subnet_group"]!["subnets"]!["depends_on"]).toEqual([PLACEHOLDER_GUARD_ADDRESS]);
  });

  it("leaves stacks without cross-stack reads alone (producers, plain stacks)", () => {
    for (const json of [producer, plain]) {
      expect(json.locals).toBeUndefined();
      expect(json.check).toBeUndefined();
      expect(json.resource["terraform_data"]).toBeUndefined();
      expect(json.data?.["aws_s3_objects"]).toBeUndefined();
      expect(JSON.stringify(json)).not.toContain(PLACEHOLDER_GUARD);
    }
  });

  it("is deterministic: a second synth writes the same JSON", () => {
    const again = synthPair();
    expect(JSON.stringify(again.consumer)).toBe(JSON.stringify(consumer));
  });
});

describe("addFreshEnvFallbacks (on Terraform JSON)", () => {
  const state = { backend: "s3", config: { bucket: "b", key: "k/terraform.tfstate", region: "us-east-1" }, workspace: "${terraform.workspace}" };
  const json = (extra: Record<string, unknown> = {}) => ({
    data: { terraform_remote_state: { "cross-stack-reference-input-p": state } },
    resource: { aws_sns_topic: { t: { kms_master_key_id: "${data.terraform_remote_state.cross-stack-reference-input-p.outputs.o}" } } },
    ...extra,
  });
  const resolve = () => ({
    label: "p aws_kms_key.k.arn",
    placeholder: { kind: "KMS key ARN", value: "arn:aws:kms:us-east-1:111111111111:key/00000000-0000-0000-0000-000000000000" },
  });

  it("returns a stack without remote state unchanged (the same object)", () => {
    const plain = { resource: { aws_sns_topic: { t: {} } } };
    expect(addFreshEnvFallbacks(plain, resolve)).toBe(plain);
  });

  it("does not modify its input", () => {
    const input = json();
    const before = JSON.stringify(input);
    addFreshEnvFallbacks(input, resolve);
    expect(JSON.stringify(input)).toBe(before);
  });

  it("refuses to overwrite a name it needs", () => {
    expect(() => addFreshEnvFallbacks(json({ locals: { [PLACEHOLDERS_LOCAL]: "x" } }), resolve)).toThrow(
      `local.${PLACEHOLDERS_LOCAL} already exists; the fresh-env fallbacks need that name`,
    );
  });

  it("rejects a remote state it cannot probe", () => {
    const local = { data: { terraform_remote_state: { "cross-stack-reference-input-p": { backend: "local", config: { path: "x" } } } } };
    expect(() => addFreshEnvFallbacks(local, resolve)).toThrow(/cross-stack-reference-input-p: expected an S3 remote state with bucket, key and region/);
  });

  it("escapes placeholder text so Terraform never reads it as a template", () => {
    const odd = () => ({ label: 'odd "${label}"', placeholder: { kind: "x", value: "a${b}%{c}" } });
    const out = addFreshEnvFallbacks(json(), odd) as {
      data: { terraform_remote_state: Record<string, { defaults: Record<string, string> }> };
      locals: Record<string, string>;
    };
    expect(out.data.terraform_remote_state["cross-stack-reference-input-p"]!.defaults).toEqual({ o: "a$${b}%%{c}" });
    expect(out.locals[PLACEHOLDERS_LOCAL]).toBe(
      '${compact([data.terraform_remote_state.cross-stack-reference-input-p.outputs.o == "a$${b}%%{c}" ? "odd \\"$${label}\\"" : ""])}',
    );
  });
});
