import { throwIfInvalid } from "@infra/config";
import { type PolicyStatement, sidOf, statementErrors, toJsonStatement } from "@infra/iam";
import { Lazy } from "cdktf";

/**
 * A resource policy whose statements can still be added after construction (a topic subscribing
 * a queue adds its statement to the queue's policy). Statements are `PolicyStatement`s with
 * principals, checked by the one validator; rendered as IAM JSON once, at synth.
 */
export class ResourcePolicyBuilder {
  private readonly statements: PolicyStatement[] = [];

  constructor(initial: readonly PolicyStatement[]) {
    for (const s of initial) this.add(s);
  }

  add(statement: PolicyStatement): void {
    if (this.statements.some((s) => s.sid === statement.sid)) throw new Error(`policy statement "${statement.sid}" already exists`);
    throwIfInvalid(`resource policy statement "${statement.sid}"`, statementErrors(statement));
    this.statements.push(statement);
  }

  /** A token resolving to the policy JSON (references inside stay Terraform references). */
  render(): string {
    return Lazy.stringValue({ produce: () => JSON.stringify({ Version: "2012-10-17", Statement: this.statements.map(toJsonStatement) }) });
  }
}

/** Deny `actions` to everyone when the request is not TLS (AwsSolutions-SQS4 / SNS3). */
export function denyInsecureTransport(actions: readonly string[], resource: string): PolicyStatement {
  return {
    sid: "DenyInsecureTransport",
    effect: "Deny",
    principals: [{ type: "*", identifiers: ["*"] }],
    actions,
    resources: [resource],
    conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
  };
}

/** Let an AWS service principal do `action` on `resource`, only on behalf of `sourceArn`. */
export function allowServiceFrom(
  sid: string,
  servicePrincipal: string,
  action: string,
  resource: string,
  arnTest: "ArnEquals" | "ArnLike",
  sourceArn: string,
): PolicyStatement {
  return {
    sid: sidOf(sid),
    effect: "Allow",
    principals: [{ type: "Service", identifiers: [servicePrincipal] }],
    actions: [action],
    resources: [resource],
    conditions: [{ test: arnTest, variable: "aws:SourceArn", values: [sourceArn] }],
  };
}

/** @deprecated One copy lives in `@infra/config` (ADR 0115); import it from there. Kept while parallel branches merge. */
export { throwIfInvalid } from "@infra/config";

/** @deprecated Lives in `@infra/iam` (ADR 0115). */
export { sidOf } from "@infra/iam";
