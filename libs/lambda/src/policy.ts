import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";

/**
 * One IAM policy statement, in the shape of `data.aws_iam_policy_document`. `sid` is required:
 * it names the grant in the console and gives its Terraform resource a stable address.
 */
export interface PolicyStatement {
  readonly sid: string;
  /** @default "Allow" */
  readonly effect?: "Allow" | "Deny";
  readonly actions: readonly string[];
  /** Specific ARNs. "*" only where the service has no resource-level permissions. */
  readonly resources: readonly string[];
  readonly conditions?: readonly { readonly test: string; readonly variable: string; readonly values: readonly string[] }[];
}

/** Something whose IAM role can be granted permissions (a Lambda function, a task role wrapper, ...). */
export interface Grantable {
  addToRolePolicy(statement: PolicyStatement): void;
}

/**
 * What an integration needs to call a Lambda function. `LambdaFunction` satisfies it; so does a
 * plain object of outputs from another stack.
 */
export interface LambdaTarget {
  readonly functionName: string;
  readonly functionArn: string;
  /** The API Gateway integration URI (`aws_lambda_function.invoke_arn`, or an alias's). */
  readonly invokeArn: string;
  /**
   * The alias (or version) callers invoke: resource-based permissions are granted on it, since a
   * permission on the unqualified function does not cover an alias. @default none (the unqualified function)
   */
  readonly qualifier?: string;
}

export function toDocumentStatement(s: PolicyStatement): DataAwsIamPolicyDocumentStatement {
  return {
    sid: s.sid,
    effect: s.effect ?? "Allow",
    actions: [...s.actions],
    resources: [...s.resources],
    ...(s.conditions && s.conditions.length > 0
      ? { condition: s.conditions.map((c) => ({ test: c.test, variable: c.variable, values: [...c.values] })) }
      : {}),
  };
}

/** Statement ids allow only letters and digits. */
export function validateSid(sid: string): string | undefined {
  return /^[A-Za-z0-9]+$/.test(sid) ? undefined : `statement sid "${sid}" must be letters and digits only`;
}

/**
 * A Lambda permission statement id from readable parts: only letters, digits, "-" and "_" are
 * allowed, at most 100 characters. Parts must identify the caller (API, pool, rule, topic) so two
 * callers of the same function never collide.
 */
export function permissionStatementId(...parts: readonly string[]): string {
  return parts
    .map((p) => p.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, ""))
    .filter((p) => p.length > 0)
    .join("-")
    .slice(0, 100);
}
