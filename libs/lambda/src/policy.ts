import { type Grantee, type PolicyStatement as IamPolicyStatement, toDocumentStatement as iamToDocumentStatement } from "@infra/iam";

/** @deprecated The statement type lives in `@infra/iam` (ADR 0115); import it from there. */
export type PolicyStatement = IamPolicyStatement;

/** @deprecated Use `Grantee` from `@infra/iam` (ADR 0115). */
export type Grantable = Grantee;

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

/** @deprecated Use `toDocumentStatement` from `@infra/iam` (ADR 0115). */
export const toDocumentStatement = iamToDocumentStatement;

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
