import type { PolicyRule } from "../types";
import { isToken } from "../refs";
import { ACCESS_KEY, CMK, finding, get, isCmk, SECRET_NAME } from "./helpers";

const REFERENCE_NAME = /(_ARN|_NAME|_ID|_PATH|_PARAM|_REGION)$/i;

/** Environment variables are readable by anyone with lambda:GetFunctionConfiguration: no secrets there. */
export const lambdaEnvironment: PolicyRule = {
  id: "INF-LAMBDA-005",
  title: "Lambda environment is encrypted with a CMK and holds no literal secrets",
  mirrors: ["CKV_AWS_173", "CKV_AWS_45"],
  catalogue: [48],
  resourceTypes: ["aws_lambda_function"],
  severity: "high",
  appliesTo: (fn) => Object.keys((get(fn.values, "environment.variables") as object | undefined) ?? {}).length > 0,
  check(fn, index) {
    const variables = get(fn.values, "environment.variables") as Record<string, unknown>;
    const out = isCmk(fn.values["kms_key_arn"], index) ? [] : [finding("kms_key_arn", fn.values["kms_key_arn"], CMK)];
    for (const [name, value] of Object.entries(variables)) {
      if (typeof value !== "string" || value === "" || isToken(value)) continue;
      const looksSecret = SECRET_NAME.test(name) && !REFERENCE_NAME.test(name) && !value.startsWith("arn:");
      if (looksSecret || ACCESS_KEY.test(value))
        out.push(finding(`environment.variables.${name}`, "a literal value", "a Secrets Manager / SSM reference read at runtime"));
    }
    return out;
  },
};
