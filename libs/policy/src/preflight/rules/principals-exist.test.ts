import { describe, expect, it } from "vitest";
import { ACCOUNT, EnvFixture, preflightFailures, preflightStatuses } from "../test-harness";
import { principalsExist as rule } from "./principals-exist";

const SLR = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
const policy = (...principals: string[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: principals }, Action: "kms:Decrypt", Resource: "*" }] });
const role = (name: string) => ({
  name,
  assume_role_policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
});

describe("PRE-IAM-001 principals exist before the policy", () => {
  it("Compliance: a role by reference, a role and a service-linked role from stacks that deploy first, always-present roles and other accounts pass", () => {
    const e = new EnvFixture({
      foundation: { resource: { aws_iam_service_linked_role: { asg: { aws_service_name: "autoscaling.amazonaws.com" } } } },
      iam: { resource: { aws_iam_role: { ops: role("ops") } } },
    });
    e.add("kms", {
      dependsOn: ["foundation", "iam"],
      resource: {
        aws_iam_role: { app: role("app") },
        aws_kms_key: {
          k: {
            policy: policy(
              `arn:aws:iam::${ACCOUNT}:root`,
              "${aws_iam_role.app.arn}",
              `arn:aws:iam::${ACCOUNT}:role/ops`,
              SLR,
              `arn:aws:iam::${ACCOUNT}:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport`,
              "arn:aws:iam::999999999999:role/partner",
            ),
          },
        },
      },
    });
    expect(preflightStatuses(rule, e)).toEqual({
      "iam/aws_iam_role.ops": "passed",
      "kms/aws_iam_role.app": "passed",
      "kms/aws_kms_key.k": "passed",
    });
  });

  it("Noncompliance: a service-linked role nothing creates, a role of a later stack, and a same-stack role named literally fail", () => {
    const e = new EnvFixture({
      kms: {
        resource: {
          aws_iam_role: { admin: role("admin") },
          aws_kms_key: { k: { policy: policy(SLR, `arn:aws:iam::${ACCOUNT}:role/app`, `arn:aws:iam::${ACCOUNT}:role/admin`) } },
        },
      },
      app: { resource: { aws_iam_role: { app: role("app") } } },
    });
    expect(preflightFailures(rule, e)).toEqual([
      {
        rule: "PRE-IAM-001",
        address: "kms/aws_kms_key.k",
        attribute: "policy",
        found: `${SLR} (no stack of the env creates it)`,
        expected:
          'created before this stack: an aws_iam_service_linked_role (aws_service_name = autoscaling.amazonaws.com) in a foundation stack that deploys first, or a grant that does not name the role (Principal "*" with an aws:PrincipalArn condition)',
      },
      {
        rule: "PRE-IAM-001",
        address: "kms/aws_kms_key.k",
        attribute: "policy",
        found: `arn:aws:iam::${ACCOUNT}:role/app (created by app/aws_iam_role.app, which deploys after this stack)`,
        expected: "created before this stack (in this stack by reference, or in a stack that deploys first), or not named",
      },
      {
        rule: "PRE-IAM-001",
        address: "kms/aws_kms_key.k",
        attribute: "policy",
        found: `arn:aws:iam::${ACCOUNT}:role/admin (created in this stack by aws_iam_role.admin, but named literally: nothing orders the two)`,
        expected: 'a reference to aws_iam_role.admin.arn, or depends_on = ["aws_iam_role.admin"]',
      },
    ]);
  });
});
