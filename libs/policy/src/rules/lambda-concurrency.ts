import type { PolicyRule } from "../types";
import { asNumber, finding } from "./helpers";

/** A reserved limit keeps one runaway function from starving the account's concurrency (and the bill). */
export const lambdaConcurrency: PolicyRule = {
  id: "INF-LAMBDA-003",
  title: "Lambda function has reserved concurrency set",
  mirrors: ["CKV_AWS_115"],
  catalogue: [46],
  resourceTypes: ["aws_lambda_function"],
  severity: "low",
  check(fn) {
    const value = asNumber(fn.values["reserved_concurrent_executions"]);
    // -1 is the provider's "unreserved".
    return value !== undefined && value >= 0
      ? []
      : [finding("reserved_concurrent_executions", fn.values["reserved_concurrent_executions"], ">= 0 (an explicit limit)")];
  },
};
