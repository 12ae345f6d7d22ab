/**
 * Seed 004's audit trail ("Logging Strategy": CloudTrail, S3 + CloudWatch, 1 year; state bucket
 * "Logging: CloudTrail audit") and IAM "User Roles" (Developer dev/staging only, DevOps all envs and
 * read-only prod, Admin prod with MFA), per env account, in the synthesized JSON of the account
 * foundation (ADR 0065).
 */
import { synthEnvOnce } from "@infra/testing";
import { type StackJson, resourcesOfType } from "@infra/workloads";
import { describe, expect, it } from "vitest";
import { ENVS } from "./envs";

const ACCOUNT = { dev: "111111111111", staging: "222222222222", uat: "333333333333", prod: "444444444444" } as const;
const IDENTITY_ACCOUNT = "555555555555";
/** Who gets which role, per env: the seed's table with the access decided in ADR 0065. */
const ROLES = {
  dev: { "dev-developer": "PowerUserAccess", "dev-devops": "AdministratorAccess" },
  staging: { "staging-developer": "PowerUserAccess", "staging-devops": "AdministratorAccess" },
  uat: { "uat-devops": "AdministratorAccess" },
  prod: { "prod-devops": "ReadOnlyAccess", "prod-admin": "AdministratorAccess" },
} as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type R = Record<string, any>;
const entries = (stack: StackJson, type: string): [string, R][] => Object.entries(resourcesOfType(stack.json, type));
const docs = (stack: StackJson): Record<string, R> => ((stack.json as R)["data"]?.["aws_iam_policy_document"] ?? {}) as Record<string, R>;

describe.each(ENVS.map((e) => [e.name, e] as const))("seed 004 account foundation in %s", (name, env) => {
  const stacks = synthEnvOnce(env);
  const account = ACCOUNT[name as keyof typeof ACCOUNT];
  const foundation = stacks.find((s) => s.stackName === `${name}-us-east-1-account-foundation`)!;

  it("one trail per account, in the foundation: multi-Region, global events, validated, CMK, CloudWatch Logs 1 year", () => {
    const trails = stacks.flatMap((s) => entries(s, "aws_cloudtrail").map(([, t]) => [s.stackName, t] as const));
    expect(trails.map(([s]) => s)).toEqual([foundation.stackName]);
    const trail = trails[0]![1];
    expect(trail).toMatchObject({
      name: `${name}-audit`,
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      enable_logging: true,
      kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\.audit-trail_key_[0-9A-F]+\.arn\}$/),
      cloud_watch_logs_group_arn: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.audit-trail_log-group_[0-9A-F]+\.arn\}:\*$/),
    });
    const [[, group]] = entries(foundation, "aws_cloudwatch_log_group");
    expect(group).toMatchObject({ name: `/aws/cloudtrail/${name}-audit`, retention_in_days: 365, kms_key_id: trail["kms_key_id"] });
  });

  it("the state bucket's object events are recorded (bucket from root.ts, as apps/bootstrap names it)", () => {
    const [[, trail]] = entries(foundation, "aws_cloudtrail");
    const data = trail["advanced_event_selector"].find((s: R) => s["field_selector"].some((f: R) => f["equals"]?.includes("Data")));
    expect(data["field_selector"]).toContainEqual({ field: "resources.ARN", starts_with: [`arn:aws:s3:::acme-infra-tfstate-${account}/`] });
    expect(trail["advanced_event_selector"][0]).toEqual({ name: "Management events", field_selector: [{ field: "eventCategory", equals: ["Management"] }] });
  });

  it("log files: 1 year write-once (Object Lock COMPLIANCE), expired after it, access-logged to the bootstrap log bucket", () => {
    const [[, bucket]] = entries(foundation, "aws_s3_bucket");
    expect(bucket).toMatchObject({ bucket: `acme-infra-${name}-cloudtrail-${account}`, object_lock_enabled: true, lifecycle: { prevent_destroy: true } });
    expect(entries(foundation, "aws_s3_bucket_object_lock_configuration")[0]![1]["rule"]).toEqual({ default_retention: { mode: "COMPLIANCE", days: 365 } });
    const rules = entries(foundation, "aws_s3_bucket_lifecycle_configuration")[0]![1]["rule"] as R[];
    expect(rules.find((r) => r["id"] === "audit-retention")!["expiration"]).toEqual([{ days: 365 }]);
    expect(entries(foundation, "aws_s3_bucket_logging")[0]![1]["target_bucket"]).toBe(`acme-infra-tfstate-${account}-access-logs`);
  });

  it("human roles per the seed's table, each assumable only from the identity account with MFA", () => {
    const roles = entries(foundation, "aws_iam_role").filter(([k]) => k.startsWith("human-roles_"));
    const attachments = entries(foundation, "aws_iam_role_policy_attachment").filter(([k]) => k.startsWith("human-roles_"));
    const policyOf = Object.fromEntries(
      roles.map(([k, r]) => [
        r["name"],
        String(attachments.find(([, a]) => String(a["role"]).includes(`aws_iam_role.${k}.`))![1]["policy_arn"]).replace("arn:aws:iam::aws:policy/", ""),
      ]),
    );
    expect(policyOf).toEqual(ROLES[name as keyof typeof ROLES]);
    const trust = Object.entries(docs(foundation)).find(([k]) => k.startsWith("human-roles_trust"))![1];
    expect(trust["statement"]).toEqual([
      {
        sid: "AssumeWithMfa",
        effect: "Allow",
        actions: ["sts:AssumeRole"],
        principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${IDENTITY_ACCOUNT}:root`] }],
        condition: [
          { test: "Bool", variable: "aws:MultiFactorAuthPresent", values: ["true"] },
          { test: "NumericLessThan", variable: "aws:MultiFactorAuthAge", values: ["3600"] },
        ],
      },
    ]);
    for (const [, r] of roles) expect(r).toMatchObject({ max_session_duration: 3600, assume_role_policy: expect.stringContaining("human-roles_trust_") });
  });

  it("administrators read the trail's log files by key policy; power users cannot switch the trail off", () => {
    const key = Object.entries(docs(foundation)).find(([k]) => k.startsWith("audit-trail_key_policy"))![1];
    const readers = key["statement"].find((s: R) => s["sid"] === "KeyReaders");
    const admins = Object.entries(ROLES[name as keyof typeof ROLES])
      .filter(([, p]) => p === "AdministratorAccess")
      .map(([n]) => n);
    const roleKey = (n: string) => entries(foundation, "aws_iam_role").find(([, r]) => r["name"] === n)![0];
    expect(readers["principals"]).toEqual([{ type: "AWS", identifiers: admins.map((n) => `\${aws_iam_role.${roleKey(n)}.arn}`) }]);
    const guards = entries(foundation, "aws_iam_role_policy").filter(([k]) => k.startsWith("human-roles_"));
    const powerUsers = Object.entries(ROLES[name as keyof typeof ROLES])
      .filter(([, p]) => p === "PowerUserAccess")
      .map(([n]) => n);
    expect(guards.map(([, g]) => g["role"])).toEqual(powerUsers.map((n) => `\${aws_iam_role.${roleKey(n)}.id}`));
  });
});
