import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { CMK } from "./helpers";
import { lambdaConcurrency } from "./lambda-concurrency";
import { lambdaDeadLetter } from "./lambda-dead-letter";
import { lambdaEnvironment } from "./lambda-environment";
import { lambdaRuntime } from "./lambda-runtime";
import { lambdaTracing } from "./lambda-tracing";
import { lambdaVpc } from "./lambda-vpc";

const fn = (values: object, extra: object = {}) => ({ aws_lambda_function: { fn: { runtime: "nodejs22.x", ...values } }, ...extra });
const at = (rule: string) => ({ rule, address: "aws_lambda_function.fn" });

describe("INF-LAMBDA-001 tracing", () => {
  it("Compliance: Active passes", () =>
    expect(statuses(lambdaTracing, fn({ tracing_config: { mode: "Active" } }))).toEqual({ "aws_lambda_function.fn": "passed" }));
  it("Noncompliance: PassThrough fails", () =>
    expect(failures(lambdaTracing, fn({ tracing_config: { mode: "PassThrough" } }))).toEqual([
      { ...at("INF-LAMBDA-001"), attribute: "tracing_config.mode", found: "PassThrough", expected: "Active" },
    ]));
});

describe("INF-LAMBDA-002 dead letters", () => {
  it("Compliance: an encrypted DLQ, or an on-failure destination to an encrypted topic, passes", () => {
    const tf = fn(
      { dead_letter_config: { target_arn: "${aws_sqs_queue.dlq.arn}" } },
      {
        aws_sqs_queue: { dlq: { kms_master_key_id: "${aws_kms_key.k.arn}" } },
        aws_sns_topic: { failed: { kms_master_key_id: "${aws_kms_key.k.arn}" } },
        aws_lambda_function_event_invoke_config: {
          c: {
            function_name: "${aws_lambda_function.other.function_name}",
            destination_config: { on_failure: { destination: "${aws_sns_topic.failed.arn}" } },
          },
        },
      },
    );
    tf.aws_lambda_function = { ...tf.aws_lambda_function, other: { runtime: "nodejs22.x" } } as never;
    expect(statuses(lambdaDeadLetter, tf)).toEqual({ "aws_lambda_function.fn": "passed", "aws_lambda_function.other": "passed" });
  });
  it("Noncompliance: an unencrypted DLQ, and no DLQ, fail", () => {
    const tf = fn({ dead_letter_config: { target_arn: "${aws_sqs_queue.dlq.arn}" } }, { aws_sqs_queue: { dlq: { sqs_managed_sse_enabled: false } } });
    tf.aws_lambda_function = { ...tf.aws_lambda_function, bare: {} } as never;
    expect(failures(lambdaDeadLetter, tf)).toEqual([
      { ...at("INF-LAMBDA-002"), attribute: "aws_sqs_queue.dlq.kms_master_key_id", found: "unset", expected: "encryption on the dead-letter queue" },
      {
        rule: "INF-LAMBDA-002",
        address: "aws_lambda_function.bare",
        attribute: "dead_letter_config.target_arn",
        found: "unset",
        expected: "an encrypted SQS queue or SNS topic (or an on-failure destination)",
      },
    ]);
  });
});

describe("INF-LAMBDA-003 reserved concurrency", () => {
  it("Compliance: an explicit limit passes", () =>
    expect(statuses(lambdaConcurrency, fn({ reserved_concurrent_executions: 10 }))).toEqual({ "aws_lambda_function.fn": "passed" }));
  it("Noncompliance: -1 (unreserved) fails", () =>
    expect(failures(lambdaConcurrency, fn({ reserved_concurrent_executions: -1 }))).toEqual([
      { ...at("INF-LAMBDA-003"), attribute: "reserved_concurrent_executions", found: "-1", expected: ">= 0 (an explicit limit)" },
    ]));
});

describe("INF-LAMBDA-004 VPC", () => {
  it("Compliance: private subnets and an SG pass", () =>
    expect(
      statuses(
        lambdaVpc,
        fn({ vpc_config: { subnet_ids: ["${aws_subnet.a.id}"], security_group_ids: ["${aws_security_group.fn.id}"] } }, { aws_subnet: { a: {} } }),
      ),
    ).toEqual({
      "aws_lambda_function.fn": "passed",
    }));
  it("Noncompliance: a public subnet without SG fails", () =>
    expect(
      failures(
        lambdaVpc,
        fn({ vpc_config: { subnet_ids: ["${aws_subnet.p.id}"], security_group_ids: [] } }, { aws_subnet: { p: { map_public_ip_on_launch: true } } }),
      ),
    ).toEqual([
      { ...at("INF-LAMBDA-004"), attribute: "vpc_config.subnet_ids", found: "aws_subnet.p", expected: "private subnets only" },
      { ...at("INF-LAMBDA-004"), attribute: "vpc_config.security_group_ids", found: "[]", expected: "the function's security group" },
    ]));
  it("Noncompliance: no VPC config fails", () =>
    expect(failures(lambdaVpc, fn({}))).toEqual([
      { ...at("INF-LAMBDA-004"), attribute: "vpc_config.subnet_ids", found: "unset", expected: "private subnets (waive functions that reach no VPC resource)" },
    ]));
});

describe("INF-LAMBDA-005 environment", () => {
  it("Compliance: CMK-encrypted references pass; functions without variables are not checked", () => {
    const tf = fn(
      { kms_key_arn: "${aws_kms_key.k.arn}", environment: { variables: { DB_SECRET_ARN: "${aws_secretsmanager_secret.db.arn}", TABLE_NAME: "flights" } } },
      { aws_kms_key: { k: {} } },
    );
    tf.aws_lambda_function = { ...tf.aws_lambda_function, plain: {} } as never;
    expect(statuses(lambdaEnvironment, tf)).toEqual({ "aws_lambda_function.fn": "passed" });
  });
  it("Noncompliance: no CMK and a literal API key fail", () =>
    expect(failures(lambdaEnvironment, fn({ environment: { variables: { STRIPE_API_KEY: "sk_live_123", TABLE_NAME: "t" } } }))).toEqual([
      { ...at("INF-LAMBDA-005"), attribute: "kms_key_arn", found: "unset", expected: CMK },
      {
        ...at("INF-LAMBDA-005"),
        attribute: "environment.variables.STRIPE_API_KEY",
        found: "a literal value",
        expected: "a Secrets Manager / SSM reference read at runtime",
      },
    ]));
});

describe("INF-LAMBDA-006 runtime", () => {
  it("Compliance: nodejs22.x passes before its deprecation; image functions are not checked", () => {
    const tf = fn({});
    tf.aws_lambda_function = { ...tf.aws_lambda_function, image: { package_type: "Image" } } as never;
    expect(statuses(lambdaRuntime, tf)).toEqual({ "aws_lambda_function.fn": "passed" });
  });
  it("Noncompliance: python3.9 is past its deprecation date", () =>
    expect(failures(lambdaRuntime, fn({ runtime: "python3.9" }))).toEqual([
      {
        ...at("INF-LAMBDA-006"),
        attribute: "runtime",
        found: "python3.9 (deprecated 2025-12-15)",
        expected: "a supported runtime, e.g. nodejs24.x or python3.13",
      },
    ]));
});
