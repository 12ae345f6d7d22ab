import { describe, expect, it } from "vitest";
import { ACCOUNT, EnvFixture, preflightFailures, preflightStatuses } from "../test-harness";
import { ciRoleServices as rule } from "./ci-role-services";

const TRUST = JSON.stringify({
  Statement: [
    {
      Effect: "Allow",
      Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } },
    },
  ],
});
const deployPolicy = (services: string[]) => JSON.stringify({ Statement: [{ Effect: "Allow", Action: services.map((s) => `${s}:*`), Resource: "*" }] });
const planPolicy = (services: string[]) =>
  JSON.stringify({ Statement: [{ Effect: "Allow", Action: services.flatMap((s) => [`${s}:Describe*`, `${s}:Get*`, `${s}:List*`]), Resource: "*" }] });

function env(deploy: string[], plan: string[]) {
  return new EnvFixture({
    ci: {
      resource: {
        aws_iam_role: {
          deploy: { name: "ci-deploy", assume_role_policy: TRUST },
          plan: { name: "ci-plan", assume_role_policy: TRUST },
          app: { name: "app", assume_role_policy: JSON.stringify({ Statement: [] }) },
          // An application delivery role: OIDC-trusted, scoped to its repositories, no Terraform.
          push: { name: "app-push", assume_role_policy: TRUST, tags: { CiScope: "application-delivery" } },
        },
        aws_iam_role_policy: {
          deploy: { role: "${aws_iam_role.deploy.name}", policy: deployPolicy(deploy) },
          plan: { role: "${aws_iam_role.plan.id}", policy: planPolicy(plan) },
        },
      },
    },
    services: {
      region: "us-west-2",
      resource: {
        aws_service_discovery_private_dns_namespace: { ns: { name: "svc.local", vpc: "vpc-1" } },
        aws_appautoscaling_target: { t: { max_capacity: 4, min_capacity: 1 } },
      },
      data: { aws_secretsmanager_secret_version: { s: { secret_id: "x" } }, aws_iam_policy_document: { d: {} } },
    },
  });
}

describe("PRE-CI-001 CI roles cover the services the env synthesizes", () => {
  it("Compliance: deploy and plan roles that name every service of every region pass", () => {
    const all = ["iam", "servicediscovery", "application-autoscaling", "secretsmanager"];
    expect(preflightStatuses(rule, env(all, all))).toEqual({ "ci/aws_iam_role.deploy": "passed", "ci/aws_iam_role.plan": "passed" });
  });

  it("Noncompliance: a phase that adds Cloud Map and Application Auto Scaling without the CI roles (issue 11 item 13) fails", () => {
    expect(preflightFailures(rule, env(["iam", "secretsmanager"], ["iam", "secretsmanager", "servicediscovery"])).map((f) => [f.address, f.found])).toEqual([
      [
        "ci/aws_iam_role.deploy",
        "servicediscovery not allowed (deploy role; needed for aws_service_discovery_private_dns_namespace (services/aws_service_discovery_private_dns_namespace.ns))",
      ],
      [
        "ci/aws_iam_role.deploy",
        "application-autoscaling not allowed (deploy role; needed for aws_appautoscaling_target (services/aws_appautoscaling_target.t))",
      ],
      ["ci/aws_iam_role.plan", "application-autoscaling not allowed (plan role; needed for aws_appautoscaling_target (services/aws_appautoscaling_target.t))"],
    ]);
  });
});
