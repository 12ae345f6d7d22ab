import { mustBeOneOf, requirementRule } from "./requirements";

/** X-Ray traces connect a slow API call to the function and downstream call that made it slow. */
export const lambdaTracing = requirementRule({
  id: "INF-LAMBDA-001",
  title: "Lambda function has active X-Ray tracing",
  mirrors: ["CKV_AWS_50"],
  catalogue: [44],
  resourceTypes: ["aws_lambda_function"],
  severity: "low",
  requires: [mustBeOneOf("tracing_config.mode", ["Active"])],
});
