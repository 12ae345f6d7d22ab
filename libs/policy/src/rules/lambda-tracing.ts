import type { PolicyRule } from "../types";
import { requireOneOf } from "./helpers";

/** X-Ray traces connect a slow API call to the function and downstream call that made it slow. */
export const lambdaTracing: PolicyRule = {
  id: "INF-LAMBDA-001",
  title: "Lambda function has active X-Ray tracing",
  mirrors: ["CKV_AWS_50"],
  catalogue: [44],
  resourceTypes: ["aws_lambda_function"],
  severity: "low",
  check: (fn) => requireOneOf(fn.values, "tracing_config.mode", ["Active"]),
};
