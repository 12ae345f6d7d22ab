/** Shared check for queue and topic policies: TLS-only, nobody anonymous, no wildcard actions. */
import type { Finding, Json, StackIndex, SynthResource } from "../types";
import { finding } from "./helpers";
import { deniesInsecureTransport, statementsOf, unconditionedPublicAllows, wildcardActionAllows } from "./policy-document";

export function resourcePolicyFindings(attribute: string, policy: Json | undefined, service: string, index: StackIndex): Finding[] {
  const tls = `a statement Deny ${service}:* for Principal "*" when aws:SecureTransport = false`;
  if (policy === undefined) return [finding(attribute, undefined, tls)];
  const statements = statementsOf(policy, index);
  if (!statements) return [finding(attribute, "not readable at synth time", "a JSON policy or data.aws_iam_policy_document")];
  const out = deniesInsecureTransport(statements, service) ? [] : [finding(attribute, "no TLS-only deny", tls)];
  if (unconditionedPublicAllows(statements).length) out.push(finding(attribute, 'Allow to Principal "*" without condition', 'no unconditioned "*" principal'));
  const wildcard = wildcardActionAllows(statements);
  if (wildcard.length) out.push(finding(attribute, `Allow ${wildcard[0]!.actions.join(", ")}`, "named actions only"));
  return out;
}

/**
 * The findings on a queue's or topic's policy: the standalone policy resource of `type` whose
 * `attribute` references the subject when there is one (it replaces the inline policy), else the
 * subject's inline `policy`.
 */
export function subjectPolicyFindings(subject: SynthResource, index: StackIndex, type: string, attribute: string, service: string): Finding[] {
  const [policy] = index.referencing(subject, type, attribute);
  return policy
    ? resourcePolicyFindings(`${policy.address}.policy`, policy.values["policy"], service, index)
    : resourcePolicyFindings("policy", subject.values["policy"], service, index);
}
