import { ruleCases } from "../rule-cases";
import { CMK } from "./helpers";
import { lambdaConcurrency } from "./lambda-concurrency";
import { lambdaDeadLetter } from "./lambda-dead-letter";
import { lambdaEnvironment } from "./lambda-environment";
import { lambdaRuntime } from "./lambda-runtime";
import { lambdaTracing } from "./lambda-tracing";
import { lambdaVpc } from "./lambda-vpc";

const fn = (values: object, extra: object = {}) => ({ aws_lambda_function: { fn: { runtime: "nodejs22.x", ...values } }, ...extra });
const at = { address: "aws_lambda_function.fn" };

ruleCases(lambdaTracing, "INF-LAMBDA-001 tracing", {
  compliant: { name: "Active passes", input: () => fn({ tracing_config: { mode: "Active" } }), statuses: { "aws_lambda_function.fn": "passed" } },
  noncompliant: [
    {
      name: "PassThrough fails",
      input: () => fn({ tracing_config: { mode: "PassThrough" } }),
      failures: [{ ...at, attribute: "tracing_config.mode", found: "PassThrough", expected: "Active" }],
    },
  ],
});

ruleCases(lambdaDeadLetter, "INF-LAMBDA-002 dead letters", {
  compliant: {
    name: "an encrypted DLQ, or an on-failure destination to an encrypted topic, passes",
    input: () =>
      fn(
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
      ),
    mutate: (tf) => {
      tf.aws_lambda_function = { ...tf.aws_lambda_function, other: { runtime: "nodejs22.x" } } as never;
    },
    statuses: { "aws_lambda_function.fn": "passed", "aws_lambda_function.other": "passed" },
  },
  noncompliant: [
    {
      name: "an unencrypted DLQ, and no DLQ, fail",
      input: () => fn({ dead_letter_config: { target_arn: "${aws_sqs_queue.dlq.arn}" } }, { aws_sqs_queue: { dlq: { sqs_managed_sse_enabled: false } } }),
      mutate: (tf) => {
        tf.aws_lambda_function = { ...tf.aws_lambda_function, bare: {} } as never;
      },
      failures: [
        { ...at, attribute: "aws_sqs_queue.dlq.kms_master_key_id", found: "unset", expected: "encryption on the dead-letter queue" },
        {
          address: "aws_lambda_function.bare",
          attribute: "dead_letter_config.target_arn",
          found: "unset",
          expected: "an encrypted SQS queue or SNS topic (or an on-failure destination)",
        },
      ],
    },
  ],
});

ruleCases(lambdaConcurrency, "INF-LAMBDA-003 reserved concurrency", {
  compliant: { name: "an explicit limit passes", input: () => fn({ reserved_concurrent_executions: 10 }), statuses: { "aws_lambda_function.fn": "passed" } },
  noncompliant: [
    {
      name: "-1 (unreserved) fails",
      input: () => fn({ reserved_concurrent_executions: -1 }),
      failures: [{ ...at, attribute: "reserved_concurrent_executions", found: "-1", expected: ">= 0 (an explicit limit)" }],
    },
  ],
});

ruleCases(lambdaVpc, "INF-LAMBDA-004 VPC", {
  compliant: {
    name: "private subnets and an SG pass",
    input: () => fn({ vpc_config: { subnet_ids: ["${aws_subnet.a.id}"], security_group_ids: ["${aws_security_group.fn.id}"] } }, { aws_subnet: { a: {} } }),
    statuses: { "aws_lambda_function.fn": "passed" },
  },
  noncompliant: [
    {
      name: "a public subnet without SG fails",
      input: () => fn({ vpc_config: { subnet_ids: ["${aws_subnet.p.id}"], security_group_ids: [] } }, { aws_subnet: { p: { map_public_ip_on_launch: true } } }),
      failures: [
        { ...at, attribute: "vpc_config.subnet_ids", found: "aws_subnet.p", expected: "private subnets only" },
        { ...at, attribute: "vpc_config.security_group_ids", found: "[]", expected: "the function's security group" },
      ],
    },
    {
      name: "no VPC config fails",
      input: () => fn({}),
      failures: [{ ...at, attribute: "vpc_config.subnet_ids", found: "unset", expected: "private subnets (waive functions that reach no VPC resource)" }],
    },
  ],
});

ruleCases(lambdaEnvironment, "INF-LAMBDA-005 environment", {
  compliant: {
    name: "CMK-encrypted references pass; functions without variables are not checked",
    input: () =>
      fn(
        { kms_key_arn: "${aws_kms_key.k.arn}", environment: { variables: { DB_SECRET_ARN: "${aws_secretsmanager_secret.db.arn}", TABLE_NAME: "flights" } } },
        { aws_kms_key: { k: {} } },
      ),
    mutate: (tf) => {
      tf.aws_lambda_function = { ...tf.aws_lambda_function, plain: {} } as never;
    },
    statuses: { "aws_lambda_function.fn": "passed" },
  },
  noncompliant: [
    {
      name: "no CMK and a literal API key fail",
      input: () => fn({ environment: { variables: { STRIPE_API_KEY: "sk_live_123", TABLE_NAME: "t" } } }),
      failures: [
        { ...at, attribute: "kms_key_arn", found: "unset", expected: CMK },
        {
          ...at,
          attribute: "environment.variables.STRIPE_API_KEY",
          found: "a literal value",
          expected: "a Secrets Manager / SSM reference read at runtime",
        },
      ],
    },
  ],
});

ruleCases(lambdaRuntime, "INF-LAMBDA-006 runtime", {
  compliant: {
    name: "nodejs22.x passes before its deprecation; image functions are not checked",
    input: () => fn({}),
    mutate: (tf) => {
      tf.aws_lambda_function = { ...tf.aws_lambda_function, image: { package_type: "Image" } } as never;
    },
    statuses: { "aws_lambda_function.fn": "passed" },
  },
  noncompliant: [
    {
      name: "python3.9 is past its deprecation date",
      input: () => fn({ runtime: "python3.9" }),
      failures: [
        {
          ...at,
          attribute: "runtime",
          found: "python3.9 (deprecated 2025-12-15)",
          expected: "a supported runtime, e.g. nodejs24.x or python3.13",
        },
      ],
    },
  ],
});
