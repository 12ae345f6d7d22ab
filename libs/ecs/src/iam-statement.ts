/** A least-privilege IAM statement granted to a role. */
export interface IamStatement {
  /** Statement id, letters and digits; also names the inline policy, so it must be unique per role. */
  readonly sid: string;
  /** @default "Allow" */
  readonly effect?: "Allow" | "Deny";
  /** e.g. ["s3:GetObject"]. "*" is refused; a service wildcard ("s3:*") needs `wildcardReason`. */
  readonly actions: readonly string[];
  /** Specific ARNs. "*" needs `wildcardReason` (for actions that cannot be scoped, e.g. xray:PutTraceSegments). */
  readonly resources: readonly string[];
  readonly conditions?: readonly { readonly test: string; readonly variable: string; readonly values: readonly string[] }[];
  /** Why a wildcard is unavoidable; required when actions or resources contain one. */
  readonly wildcardReason?: string;
}

/** Problems with a statement, empty when it is fine. */
export function statementErrors(s: IamStatement): string[] {
  const errors: string[] = [];
  if (!/^[A-Za-z0-9]{1,100}$/.test(s.sid)) errors.push(`sid "${s.sid}" must be letters and digits`);
  if (s.actions.length === 0) errors.push(`${s.sid}: no actions`);
  if (s.resources.length === 0) errors.push(`${s.sid}: no resources`);
  if (s.actions.includes("*")) errors.push(`${s.sid}: action "*" grants everything; list the actions`);
  const wildcards = [...s.actions.filter((a) => a.endsWith(":*")), ...s.resources.filter((r) => r === "*")];
  if (wildcards.length > 0 && !s.wildcardReason?.trim()) {
    errors.push(`${s.sid}: ${wildcards.join(", ")} needs a wildcardReason (least privilege: use specific actions and ARNs)`);
  }
  return errors;
}
