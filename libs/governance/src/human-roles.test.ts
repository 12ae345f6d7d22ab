import { synthJson } from "@infra/testing-core/json";
import { describe, expect, it } from "vitest";
import { HumanRoles, type HumanRolesProps } from "./human-roles";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;
const AUDIT = {
  trailArn: "arn:aws:cloudtrail:us-east-1:111111111111:trail/dev-audit",
  bucketArn: "arn:aws:s3:::trail",
  keyArn: "arn:aws:kms:us-east-1:111111111111:key/k",
  logGroupArn: "arn:aws:logs:us-east-1:111111111111:log-group:/aws/cloudtrail/dev-audit",
};
const BASE: HumanRolesProps = {
  trustedAccountId: "555555555555",
  roles: [
    { name: "dev-developer", access: "power-user", description: "Developers" },
    { name: "dev-devops", access: "administrator", description: "DevOps" },
  ],
  protectedAudit: AUDIT,
};
const synth = (props: Partial<HumanRolesProps> = {}): J => synthJson((s) => new HumanRoles(s, "human", { ...BASE, ...props }));
const byName = (json: J, type: string) => Object.fromEntries(Object.entries(json.resource[type] ?? {}).map(([k, v]) => [k, v as J]));

describe("HumanRoles", () => {
  it("trusts only the identity account's root, with MFA present and recent", () => {
    const json = synth({ mfaMaxAgeSeconds: 900 });
    const trust = Object.entries(json.data.aws_iam_policy_document).find(([k]) => k.startsWith("human_trust"))![1] as J;
    expect(trust.statement).toEqual([
      {
        sid: "AssumeWithMfa",
        effect: "Allow",
        actions: ["sts:AssumeRole"],
        principals: [{ type: "AWS", identifiers: ["arn:aws:iam::555555555555:root"] }],
        condition: [
          { test: "Bool", variable: "aws:MultiFactorAuthPresent", values: ["true"] },
          { test: "NumericLessThan", variable: "aws:MultiFactorAuthAge", values: ["900"] },
        ],
      },
    ]);
    const roles = Object.values(byName(json, "aws_iam_role"));
    expect(roles.map((r) => [r.name, r.max_session_duration, r.description])).toEqual([
      ["dev-developer", 3600, "Developers"],
      ["dev-devops", 3600, "DevOps"],
    ]);
    for (const r of roles) expect(r.assume_role_policy).toMatch(/^\$\{data\.aws_iam_policy_document\.human_trust_[0-9A-F]+\.json\}$/);
  });

  it("grants each role one AWS managed job-function policy", () => {
    const json = synth({ roles: [...BASE.roles, { name: "dev-auditor", access: "read-only", description: "x" }] });
    const roles = byName(json, "aws_iam_role");
    const policyOf = Object.fromEntries(
      Object.values(byName(json, "aws_iam_role_policy_attachment")).map((a) => [roles[/aws_iam_role\.([^.]+)\.name/.exec(a.role)![1]!].name, a.policy_arn]),
    );
    expect(policyOf).toEqual({
      "dev-developer": "arn:aws:iam::aws:policy/PowerUserAccess",
      "dev-devops": "arn:aws:iam::aws:policy/AdministratorAccess",
      "dev-auditor": "arn:aws:iam::aws:policy/ReadOnlyAccess",
    });
  });

  it("denies power users every change that would stop or weaken the audit trail; administrators and readers get no guard", () => {
    const json = synth();
    const guards = Object.values(byName(json, "aws_iam_role_policy"));
    expect(guards).toHaveLength(1);
    expect(guards[0].role).toMatch(/aws_iam_role\.human_dev-developer_/);
    const guard = Object.entries(json.data.aws_iam_policy_document).find(([k]) => k.startsWith("human_audit-guard"))![1] as J;
    expect(guard.statement.map((s: J) => [s.sid, s.effect, s.resources])).toEqual([
      ["KeepTrail", "Deny", [AUDIT.trailArn]],
      ["KeepTrailBucket", "Deny", [AUDIT.bucketArn]],
      ["KeepTrailKey", "Deny", [AUDIT.keyArn]],
      ["KeepTrailLogGroup", "Deny", [AUDIT.logGroupArn, `${AUDIT.logGroupArn}:*`]],
    ]);
    expect(guard.statement[0].actions).toEqual(expect.arrayContaining(["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail"]));
    const adminsOnly = synth({ roles: [{ name: "prod-admin", access: "administrator", description: "x" }] });
    expect(adminsOnly.resource.aws_iam_role_policy).toBeUndefined();
    expect(Object.keys(adminsOnly.data.aws_iam_policy_document).some((k) => k.includes("audit-guard"))).toBe(false);
  });

  it("refuses bad input with the value", () => {
    expect(() => synth({ trustedAccountId: "*" })).toThrow(/trustedAccountId "\*" must be a 12-digit AWS account id/);
    expect(() => synth({ mfaMaxAgeSeconds: 0 })).toThrow(/mfaMaxAgeSeconds 0 must be a whole number from 60 to 43200/);
    expect(() => synth({ maxSessionSeconds: 900 })).toThrow(/maxSessionSeconds 900 must be a whole number from 3600 to 43200/);
    expect(() => synth({ roles: [BASE.roles[0]!, BASE.roles[0]!] })).toThrow(/role name "dev-developer" is used twice/);
  });
});
