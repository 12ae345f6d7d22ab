import { describe, expect, it } from "vitest";
import { buildEnvIndex } from "./env-index";
import { EnvFixture, TEST_TODAY } from "./test-harness";

function env() {
  const e = new EnvFixture({
    kms: {
      resource: { aws_kms_key: { k: {} }, aws_s3_bucket: { logs: { bucket: "acme-logs-${data.aws_caller_identity.me.account_id}" } } },
      data: { aws_caller_identity: { me: {} } },
    },
    mid: {},
    app: {},
    west: { region: "us-west-2", aliases: { east: "us-east-1" } },
  });
  // Two hops: app reads mid's output, which is kms's output.
  const inMid = e.ref("kms", "mid", "aws_kms_key.k.arn");
  e.add("mid", { resource: { aws_sns_topic: { t: { name: "alerts", kms_master_key_id: inMid } } } });
  const topic = e.ref("mid", "app", "aws_sns_topic.t.arn");
  e.add("app", { resource: { aws_cloudwatch_metric_alarm: { a: { alarm_name: "errors", alarm_actions: [topic] } } } });
  e.add("west", {
    region: "us-west-2",
    aliases: { east: "us-east-1" },
    resource: { aws_sqs_queue: { q: { name: "q" }, e: { name: "e", provider: "aws.east" }, w: { name: "w", provider: "aws.east", region: "eu-west-1" } } },
  });
  return buildEnvIndex(e.inputs(), { today: TEST_TODAY });
}

describe("env index", () => {
  it("follows cdktf remote state through producers to the resource, and back (referencing)", () => {
    const index = env();
    const app = index.stack("app")!;
    const alarm = app.index.byAddress("aws_cloudwatch_metric_alarm.a")!;
    expect(index.resolveAll(app, alarm.values["alarm_actions"]).map((t) => `${t.stack.name}/${t.address}.${t.attribute}`)).toEqual(["mid/aws_sns_topic.t.arn"]);
    const key = index.stack("kms")!;
    expect(
      index
        .referencing({ stack: key, resource: key.index.byAddress("aws_kms_key.k")! }, "aws_sns_topic", "kms_master_key_id")
        .map((l) => `${l.stack.name}/${l.resource.address}`),
    ).toEqual(["mid/aws_sns_topic.t"]);
  });

  it("renders names, ARNs, account and region as AWS will see them, and marks the unknown", () => {
    const index = env();
    const kms = index.stack("kms")!;
    expect(index.render(kms, "${aws_s3_bucket.logs.arn}/alb/AWSLogs/${data.aws_caller_identity.me.account_id}/*")).toBe(
      "arn:aws:s3:::acme-logs-111111111111/alb/AWSLogs/111111111111/*",
    );
    expect(
      index.render(index.stack("app")!, "${data.terraform_remote_state.cross-stack-reference-input-mid.outputs.cross-stack-output-aws_sns_topictarn}"),
    ).toBe("arn:aws:sns:us-east-1:111111111111:alerts");
    expect(index.render(kms, "${aws_kms_key.k.arn}")).toBe("⟨aws_kms_key.k.arn⟩");
  });

  it("finds the producer of a remote state whose config is an expression (the inmem fallback of a fresh-env plan)", () => {
    const e = new EnvFixture({ kms: { resource: { aws_kms_key: { k: {} } } }, app: {} });
    const inputs = e.inputs();
    const producer = inputs[0]!.json.terraform as { backend: { s3: { key: string } } };
    const config = `\${contains(data.aws_s3_objects.probe.keys, "${producer.backend.s3.key}") ? tomap({bucket = "state", key = "${producer.backend.s3.key}", region = "us-east-1"}) : tomap({})}`;
    // Named unlike the producer, so only the key in the expression can lead there.
    inputs[1] = {
      name: "app",
      json: {
        ...inputs[1]!.json,
        data: { terraform_remote_state: { keys: { backend: '${contains(data.aws_s3_objects.probe.keys, "x") ? "s3" : "inmem"}', config, defaults: {} } } },
        resource: { aws_sns_topic: { t: { name: "t", kms_master_key_id: "${data.terraform_remote_state.keys.outputs.key}" } } },
      },
    };
    (inputs[0]!.json as { output?: unknown }).output = { key: { value: "${aws_kms_key.k.arn}" } };
    const index = buildEnvIndex(inputs, { today: TEST_TODAY });
    const app = index.stack("app")!;
    expect(index.resolve(app, app.index.byAddress("aws_sns_topic.t")!.values["kms_master_key_id"])).toMatchObject({
      stack: { name: "kms" },
      address: "aws_kms_key.k",
      attribute: "arn",
    });
    expect(app.dependsOn).toEqual(["kms"]);
  });

  it("knows each resource's region (its own region argument, provider aliases) and the deploy order", () => {
    const index = env();
    const west = index.stack("west")!;
    expect(["aws_sqs_queue.q", "aws_sqs_queue.e", "aws_sqs_queue.w"].map((a) => west.regionOf(west.index.byAddress(a)!))).toEqual([
      "us-west-2",
      "us-east-1",
      "eu-west-1",
    ]);
    expect(index.availability(index.stack("kms")!, index.stack("west")!)).toBe("earlier");
    expect(index.availability(index.stack("kms")!, index.stack("app")!)).toBe("dependency");
    expect(index.availability(index.stack("kms")!, index.stack("mid")!)).toBe("dependency");
    expect(index.availability(index.stack("app")!, index.stack("kms")!)).toBe("later");
  });
});
