import { finding } from "../../rules/helpers";
import { keyUses, type KeyNeed } from "../key-uses";
import { keyPolicy } from "../keys";
import { allowsAction, conditionsHold, constrains, principalMatch, type Statement } from "../policy";
import type { Finding, PreflightRule } from "../types";

function principalOk(s: Statement, need: Pick<KeyNeed, "principal" | "viaIam">): boolean {
  const m = principalMatch(s, need.principal);
  return need.viaIam ? m !== false : m === "exact" || m === "any";
}

/** A Deny only counts when every one of its conditions is known to hold. */
function denied(statements: readonly Statement[], need: KeyNeed, action: string): boolean {
  return statements.some(
    (s) =>
      s.effect === "Deny" &&
      principalOk(s, { ...need, viaIam: true }) &&
      allowsAction(s, action) &&
      s.conditions.every((c) => need.context[c.variable.toLowerCase()] !== undefined) &&
      conditionsHold(s, need.context),
  );
}

export function grants(statements: readonly Statement[], need: KeyNeed, action: string): boolean {
  const allowed = statements.some(
    (s) =>
      s.effect === "Allow" &&
      principalOk(s, need) &&
      allowsAction(s, action) &&
      conditionsHold(s, need.context) &&
      (need.mustConstrain ?? []).every((k) => constrains(s, k)),
  );
  return allowed && !denied(statements, need, action);
}

function statementText(need: KeyNeed, actions: readonly string[]): string {
  const who = need.viaIam ? `AWS arn:aws:iam::${need.context["kms:calleraccount"] ?? "<account>"}:root` : `${need.principal.type} ${need.principal.value}`;
  const scoped = need.mustConstrain?.length
    ? ` with a condition on ${need.mustConstrain.join(", ")}${need.context[need.mustConstrain[0]!.toLowerCase()] ? ` matching ${need.context[need.mustConstrain[0]!.toLowerCase()]}` : ""}`
    : "";
  return `a statement Allow ${who} ${actions.join(", ")}${scoped}`;
}

/**
 * Every service that uses a customer-managed key is let in by that key's policy: CloudWatch Logs,
 * SNS/SQS publishers (EventBridge, CloudWatch alarms, RDS events, S3, Budgets, SNS), Auto Scaling's
 * service-linked role for EBS (key use and CreateGrant for AWS resources), log delivery and
 * CloudTrail/Config into CMK buckets, CloudFront reading through OAC, EventBridge buses, Route 53
 * DNSSEC, and the account's IAM principals (root delegation) for services that use the caller's
 * credentials. The key lives in one stack, its users in others: this rule runs over the whole env.
 */
export const kmsKeyUsers: PreflightRule = {
  id: "PRE-KMS-001",
  title: "Every service that uses a KMS key is allowed by that key's policy",
  consequence:
    'the user\'s create call or every later use fails with an access error from KMS (e.g. CreateLogGroup: "AccessDeniedException: The specified KMS key does not exist or is not allowed to be used with Arn ..."; Auto Scaling: "Client.InternalError: Client error on launch"; CreateKey: "MalformedPolicyDocumentException: The new key policy will not allow you to update the key policy in the future")',
  severity: "high",
  catalogue: [53, 56, 59],
  defects: [4],
  scope: "env",
  resourceTypes: ["aws_kms_key", "aws_kms_replica_key"],
  check(key, env) {
    const statements = keyPolicy(env, key);
    if (!statements) return [];
    const out: Finding[] = [];
    const account = key.stack.account ?? "<account>";
    if (key.resource.values["bypass_policy_lockout_safety_check"] !== true) {
      const admin: KeyNeed = {
        principal: { type: "AWS", value: `arn:aws:iam::${account}:role/*` },
        who: "the deploying principal",
        actions: ["kms:PutKeyPolicy"],
        context: { "kms:calleraccount": account },
        viaIam: true,
        consequence: "CreateKey fails: MalformedPolicyDocumentException: The new key policy will not allow you to update the key policy in the future.",
        user: key,
        attribute: "policy",
      };
      if (!grants(statements, admin, "kms:PutKeyPolicy")) {
        out.push({
          ...finding("policy", "no statement lets the account (the deploying principal) call kms:PutKeyPolicy", statementText(admin, ["kms:*"])),
          consequence: admin.consequence,
        });
      }
    }
    const groups = new Map<string, { need: KeyNeed; missing: string[]; users: Set<string> }>();
    for (const { key: k, need } of keyUses(env)) {
      if (k.stack !== key.stack || k.resource !== key.resource) continue;
      const missing = need.actions.filter((a) => !grants(statements, need, a));
      if (!missing.length) continue;
      const id = `${need.who}|${missing.join()}|${(need.mustConstrain ?? []).join()}`;
      const group = groups.get(id) ?? { need, missing, users: new Set<string>() };
      group.users.add(`${need.user.stack.name}/${need.user.resource.address}.${need.attribute}`);
      groups.set(id, group);
    }
    for (const { need, missing, users } of groups.values()) {
      const [first, ...rest] = [...users];
      const constraint = need.mustConstrain?.length ? ` under a condition on ${need.mustConstrain.join(", ")}` : "";
      out.push({
        ...finding(
          "policy",
          `nothing allows ${need.who} ${missing.join(", ")}${constraint} (used by ${first}${rest.length ? ` and ${rest.length} more` : ""})`,
          statementText(need, need.actions),
        ),
        consequence: need.consequence,
      });
    }
    return out;
  },
};
