import { describe, expect, it } from "vitest";
import { EnvFixture, preflightFailures, preflightStatuses } from "../test-harness";
import { reservedConcurrency as rule } from "./reserved-concurrency";

const fn = (n: number) => ({ function_name: `f${n}`, reserved_concurrent_executions: n });

describe("PRE-LAMBDA-001 reserved concurrency within the account quota", () => {
  it("Compliance: 900 reserved across two workloads fits 1000; another region and a raised quota are budgeted on their own", () => {
    const e = new EnvFixture({
      a: { resource: { aws_lambda_function: { one: fn(500), unreserved: { function_name: "u", reserved_concurrent_executions: -1 } } } },
      b: { resource: { aws_lambda_function: { two: fn(400) } } },
      west: { region: "us-west-2", resource: { aws_lambda_function: { big: fn(1800) } } },
    });
    expect(preflightStatuses(rule, e, { lambdaConcurrency: { "us-west-2": 2000 } })).toEqual({
      "a/aws_lambda_function.one": "passed",
      "b/aws_lambda_function.two": "passed",
      "west/aws_lambda_function.big": "passed",
    });
  });

  it("Noncompliance: 1,145 reserved in one region (issue 11's prod us-east-1) fails from the first reservation that does not fit", () => {
    const e = new EnvFixture({
      aerologue: { resource: { aws_lambda_function: { etl: fn(600), ws: fn(245) } } },
      milequest: { resource: { aws_lambda_function: { api: fn(200), jobs: fn(100) } } },
    });
    expect(preflightFailures(rule, e).map((f) => [f.address, f.found])).toEqual([
      ["milequest/aws_lambda_function.api", "200, bringing 111111111111/us-east-1 to 1045 reserved in deploy order (1145 across 4 functions of the env)"],
      ["milequest/aws_lambda_function.jobs", "100, bringing 111111111111/us-east-1 to 1145 reserved in deploy order (1145 across 4 functions of the env)"],
    ]);
  });
});
