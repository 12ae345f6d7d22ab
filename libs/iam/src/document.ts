import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { throwIfInvalid } from "@infra/config";
import { type Grantee, grantErrors, type PolicyStatement } from "./statement";

/** A statement in the shape of `data.aws_iam_policy_document`'s `statement` block (effect always explicit). */
export function toDocumentStatement(s: PolicyStatement): DataAwsIamPolicyDocumentStatement {
  return {
    sid: s.sid,
    effect: s.effect ?? "Allow",
    actions: [...s.actions],
    resources: [...s.resources],
    ...(s.principals && s.principals.length > 0 ? { principals: s.principals.map((p) => ({ type: p.type, identifiers: [...p.identifiers] })) } : {}),
    ...(s.conditions && s.conditions.length > 0 ? { condition: s.conditions.map((c) => ({ test: c.test, variable: c.variable, values: [...c.values] })) } : {}),
  };
}

/**
 * A grantee that only collects: for roles whose policy is one document built elsewhere (an ECS
 * service's task role, a Docker host's instance role). Grant into it, then pass `documentStatements()`.
 * Validates each statement as every grantee does.
 */
export class PolicyStatements implements Grantee {
  private readonly list: PolicyStatement[] = [];
  private readonly sids = new Set<string>();

  /** @param label names the policy in errors, e.g. `task role of service "api"`. */
  constructor(private readonly label = "the policy") {}

  addToRolePolicy(statement: PolicyStatement): void {
    throwIfInvalid(`IAM statement for ${this.label}`, grantErrors(statement, this.sids, this.label));
    this.list.push(statement);
  }

  /** The statements granted so far, in order. */
  get statements(): readonly PolicyStatement[] {
    return [...this.list];
  }

  /** The statements as `data.aws_iam_policy_document` blocks. */
  documentStatements(): DataAwsIamPolicyDocumentStatement[] {
    return this.list.map(toDocumentStatement);
  }
}

/** The document statements one or more grants produce: `documentStatements((g) => table.grantRead(g))`. */
export function documentStatements(grants: (grantee: Grantee) => void, label?: string): DataAwsIamPolicyDocumentStatement[] {
  const collector = new PolicyStatements(label);
  grants(collector);
  return collector.documentStatements();
}

/**
 * @deprecated For the old `grantX(): statements[]` overloads kept while parallel branches merge
 * (ADR 0115): the statements a grant produces, as document blocks without their sids.
 */
export function unnamedDocumentStatements(grants: (grantee: Grantee) => void): DataAwsIamPolicyDocumentStatement[] {
  return documentStatements(grants).map(({ sid: _sid, ...statement }) => statement);
}
