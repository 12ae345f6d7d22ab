import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import type { ResolvedDeployment } from "@infra/config";
import { testDeployment } from "@infra/config/testing";
import { App, DataResource } from "cdktf";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DeploymentStack } from "../deployment-stack";
import { STATE_PROBE_PREFIX } from "./fresh-env";

/**
 * The fresh-env fallbacks run by a real OpenTofu, offline: a consumer planned before its producer
 * exists, its apply refused, then planned and applied once the producer's state has its outputs.
 *
 * OpenTofu from INFRA_TOFU or the toolchain cache (`npm run toolchain`, ~/.cache/infra-toolchain);
 * skipped when neither exists. No AWS: the consumer's own resources are terraform_data, and the two
 * AWS-specific pieces of the generated JSON are swapped for local equivalents, by exact replacement
 * (the test fails if the generator's output no longer contains them): the S3 probe of the producer's
 * state becomes `fileexists` of a local state file, and the remote state's S3 branch reads that file.
 * Everything else — defaults, the placeholder list, the check block, the guard, depends_on — is
 * the JSON DeploymentStack writes.
 */
function findTofu(): string | undefined {
  if (process.env["INFRA_TOFU"]) return process.env["INFRA_TOFU"];
  const cache = join(homedir(), ".cache", "infra-toolchain");
  if (!existsSync(cache)) return undefined;
  return readdirSync(cache)
    .sort()
    .reverse()
    .map((v) => join(cache, v, "bin", "tofu"))
    .find((p) => existsSync(p));
}

const TOFU = findTofu();

const deployment = (module: string): ResolvedDeployment => testDeployment({ module });

type Json = Record<string, unknown> & { output: Record<string, { value: string }> };

/** A producer of a KMS key and two subnets, and a consumer that reads them into terraform_data. */
function synthPair(outdir: string): { producer: Json; consumer: string } {
  const app = new App({ outdir });
  const opts = { terraformVersion: ">= 1.10.0" };
  const producer = new DeploymentStack(app, deployment("base"), opts);
  const key = new KmsKey(producer, "key", { description: "data" });
  const subnets = ["a", "b"].map((n, i) => new Subnet(producer, `subnet-${n}`, { vpcId: "vpc-1", cidrBlock: `10.0.${i}.0/24` }));
  const consumer = new DeploymentStack(app, deployment("app"), opts);
  new DataResource(consumer, "uses", { input: { kms: key.arn, subnets: subnets.map((s) => s.id) } });
  new DataResource(consumer, "bystander", { input: { note: "reads nothing, still waits for the guard" } });
  app.synth();
  const read = (s: DeploymentStack) => readFileSync(join(outdir, "stacks", s.deployment.stackName, "cdk.tf.json"), "utf8");
  return { producer: JSON.parse(read(producer)) as Json, consumer: read(consumer) };
}

/** The consumer's JSON with its two AWS-specific pieces swapped for local ones (see above). */
function offline(consumer: string, producerState: string): string {
  const json = JSON.parse(consumer) as Record<string, Record<string, unknown>>;
  const probe = `${STATE_PROBE_PREFIX}dev-us-east-1-demo-base`;
  const key = "dev/us-east-1/demo/base/terraform.tfstate";
  delete json["provider"];
  json["terraform"] = { required_version: json["terraform"]!["required_version"], backend: { local: { path: "terraform.tfstate" } } };
  const data = json["data"] as Record<string, unknown>;
  expect(Object.keys(data["aws_s3_objects"] as object)).toEqual([probe]);
  delete data["aws_s3_objects"];
  let text = JSON.stringify(json);
  const swap = (from: string, to: string) => {
    expect(text, `generated JSON contains ${from}`).toContain(from);
    text = text.split(from).join(to);
  };
  swap(`data.aws_s3_objects.${probe}.keys`, `(fileexists(\\"${producerState}\\") ? [\\"${key}\\"] : [])`);
  swap('? \\"s3\\" : \\"inmem\\"', '? \\"local\\" : \\"inmem\\"');
  swap(
    `tomap({bucket = \\"acme-tfstate-111111111111\\", encrypt = \\"true\\", key = \\"${key}\\", region = \\"us-east-1\\"})`,
    `tomap({path = \\"${producerState}\\"})`,
  );
  return text;
}

function stateWith(outputs: Record<string, string>): string {
  return JSON.stringify({
    version: 4,
    terraform_version: "1.10.0",
    serial: 1,
    lineage: "fresh-env-test",
    outputs: Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, { value: v, type: "string", sensitive: true }])),
    resources: [],
  });
}

describe.skipIf(!TOFU)("a consumer planned with OpenTofu before and after its producer is applied", () => {
  const work = mkdtempSync(join(tmpdir(), "fresh-env-tofu-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const { producer, consumer } = synthPair(join(work, "out"));
  const dir = join(work, "consumer");
  const producerState = join(work, "producer.tfstate");
  mkdirSync(dir);
  writeFileSync(join(dir, "main.tf.json"), `${JSON.stringify(JSON.parse(offline(consumer, producerState)), null, 2)}\n`);
  const tofu = (command: string, ...args: string[]) => {
    const flags = command === "state" ? [] : ["-no-color", "-input=false"];
    const r = spawnSync(TOFU!, [command, ...(command === "state" ? args.slice(0, 1) : []), ...flags, ...(command === "state" ? args.slice(1) : args)], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" },
    });
    return { code: r.status, out: `${r.stdout}${r.stderr}` };
  };
  /** Managed resources in the consumer's state (data sources are recorded too, and create nothing). */
  const managed = () =>
    tofu("state", "list")
      .out.split("\n")
      .filter((a) => a.trim() !== "" && !a.startsWith("data."));
  /** The guard's input in a plan: the reads on placeholders. */
  const guardInput = (plan: string) =>
    /cross-stack-placeholder-guard" \{\n.*?\+ input\s+= \[\n(.*?)\n\s+\]/s
      .exec(plan)?.[1]
      ?.trim()
      .split(/,?\n\s*/)
      .map((l) => l.replace(/^\+ "|",?$/g, ""));
  const outputs = Object.fromEntries(Object.entries(producer.output).map(([id, o]) => [o.value, id])) as Record<string, string>;
  const keyOutput = outputs["${aws_kms_key.key.arn}"]!;
  const subnetOutputs = [outputs["${aws_subnet.subnet-a.id}"]!, outputs["${aws_subnet.subnet-b.id}"]!];

  it("init works without the producer", () => {
    expect(tofu("init").code).toBe(0);
  });

  it("plans on typed placeholders, and says so", () => {
    const { code, out } = tofu("plan", "-out=tfplan");
    expect(code, out).toBe(0);
    expect(out).toMatch(/kms\s+=\s+"arn:aws:kms:us-east-1:111111111111:key\/00000000-0000-0000-0000-[0-9a-f]{12}"/);
    expect(out).toMatch(/"subnet-00000000[0-9a-f]{9}"/);
    expect(out).toContain("terraform_data.cross-stack-placeholder-guard[0] will be created");
    expect(guardInput(out)).toEqual([
      "dev-us-east-1-demo-base aws_kms_key.key.arn",
      "dev-us-east-1-demo-base aws_subnet.subnet-a.id",
      "dev-us-east-1-demo-base aws_subnet.subnet-b.id",
    ]);
    expect(out).toContain("Warning: Check block assertion failed");
    expect(out).toContain("This plan uses placeholder values");
  });

  it("refuses to apply that plan, and creates nothing", () => {
    const { code, out } = tofu("apply", "tfplan");
    expect(code).not.toBe(0);
    expect(out).toContain("Refusing to apply: these values are placeholders");
    expect(managed()).toEqual([]);
  });

  it("refuses a direct apply too", () => {
    const { code, out } = tofu("apply", "-auto-approve");
    expect(code).not.toBe(0);
    expect(out).toContain("Refusing to apply");
    expect(managed()).toEqual([]);
  });

  it("once the producer's state lacks one output, only that read is a placeholder", () => {
    writeFileSync(producerState, stateWith({ [subnetOutputs[0]!]: "subnet-0aaaaaaaaaaaaaaaa", [subnetOutputs[1]!]: "subnet-0bbbbbbbbbbbbbbbb" }));
    const { code, out } = tofu("plan");
    expect(code, out).toBe(0);
    expect(out).toContain("subnet-0aaaaaaaaaaaaaaaa");
    expect(out).toContain("Warning: Check block assertion failed");
    expect(guardInput(out)).toEqual(["dev-us-east-1-demo-base aws_kms_key.key.arn"]);
  });

  it("with every output real: real values, no guard, no warning; apply works and the next plan is empty", () => {
    writeFileSync(
      producerState,
      stateWith({
        [keyOutput]: "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        [subnetOutputs[0]!]: "subnet-0aaaaaaaaaaaaaaaa",
        [subnetOutputs[1]!]: "subnet-0bbbbbbbbbbbbbbbb",
      }),
    );
    const plan = tofu("plan", "-out=tfplan");
    expect(plan.code, plan.out).toBe(0);
    expect(plan.out).toContain("key/1234abcd-12ab-34cd-56ef-1234567890ab");
    expect(plan.out).not.toContain("placeholder-guard");
    expect(plan.out).not.toContain("Warning");
    const apply = tofu("apply", "tfplan");
    expect(apply.code, apply.out).toBe(0);
    expect(managed().sort()).toEqual(["terraform_data.bystander", "terraform_data.uses"]);
    expect(tofu("plan", "-detailed-exitcode").code).toBe(0);
  });
});
