import { type PolicyStatement, statementErrors as iamStatementErrors } from "@infra/iam";

/** @deprecated Use `PolicyStatement` from `@infra/iam` (ADR 0115). */
export type IamStatement = PolicyStatement;

/** @deprecated Use `statementErrors` from `@infra/iam` (ADR 0115). */
export const statementErrors = iamStatementErrors;
