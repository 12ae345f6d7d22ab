import { type CheckIssue } from "@infra/config";
import { type CiAccessInputs, ciAccessInputs } from "@infra/platform-inputs";
import { platformModule } from "../workload";

/** Read actions Terraform's refresh needs that are not named Describe*, List* or Get*. */
const EXTRA_READ_ACTIONS = ["apigateway:GET", "budgets:ViewBudget", "tag:GetResources", "xray:BatchGet*", "dynamodb:BatchGetItem"];

/**
 * Who applies each env (docs/delivery.md): seed 004's CI role plans and applies dev and staging;
 * uat and prod get their own deploy roles, trusted only for their gated GitHub Environment.
 */
const DEPLOY_ROLES: Record<string, Pick<CiAccessInputs["deployRole"], "outputName" | "description"> & { suffix: string }> = {
  dev: { suffix: "ci-deploy", outputName: "AWS_DEPLOY_ROLE_ARN", description: "CI/CD (GitHub Actions) plan/apply of dev (seed 004 IAM architecture)" },
  staging: { suffix: "ci-deploy", outputName: "AWS_DEPLOY_ROLE_ARN", description: "CI/CD (GitHub Actions) plan/apply of staging (seed 004 IAM architecture)" },
  uat: { suffix: "uat-deploy", outputName: "AWS_DEPLOY_ROLE_ARN", description: "uat deploy role: the gated uat deploy job only (CI itself only plans uat)" },
  prod: {
    suffix: "prod-deploy",
    outputName: "AWS_PROD_DEPLOY_ROLE_ARN",
    description: "prod deploy role: the gated prod deploy job only (CI itself only plans prod)",
  },
};

/**
 * Who may use each env's read-only plan role. Any same-repository PR's code runs in a `pull_request`
 * job, so prod's plan role does not trust `pull_request`: PR plans of prod run in the `prod-plan`
 * GitHub Environment, after a reviewer approved running that PR's code (issue 15.7). Drift and the
 * deploy workflow's plans run on main.
 */
const PLAN_SUBJECTS: Record<string, readonly string[]> = {
  prod: ["environment:prod-plan", "ref:refs/heads/main"],
};
const DEFAULT_PLAN_SUBJECTS = ["pull_request", "ref:refs/heads/main"];

/**
 * The GitHub OIDC provider of the env's account and the CI roles (seed 004 "Service Accounts:
 * CI/CD (GitHub Actions)"). IAM is global: deploy it once per env, in the primary region. It is
 * applied with administrator credentials (like apps/bootstrap): the roles cannot change themselves.
 */
export const ciAccess = platformModule("security/ci-access", {
  schema: ciAccessInputs,
  // Seed 004 resource tags over the workload's (ADR 0070).
  tags: { service: "ci" },
  defaults: ({ env, region, workload }) => {
    const deploy = DEPLOY_ROLES[env.name] ?? DEPLOY_ROLES["dev"]!;
    return {
      githubRepository: workload.githubRepository,
      createOidcProvider: true,
      planRole: {
        name: `${env.name}-${region.name}-ci-plan`,
        // PR plans (pull_request, or prod's gated prod-plan environment), drift and deploy plans on main.
        subjects: [...(PLAN_SUBJECTS[env.name] ?? DEFAULT_PLAN_SUBJECTS)],
        outputName: `AWS_PLAN_ROLE_ARN_${env.name.toUpperCase()}`,
      },
      deployRole: {
        name: `${env.name}-${region.name}-${deploy.suffix}`,
        githubEnvironment: env.name,
        outputName: deploy.outputName,
        description: deploy.description,
        maxSessionHours: 2,
      },
      // The roles' services are derived from the env's own resources at synth (libs/config iam-services.ts).
      extraServices: [],
      extraReadActions: EXTRA_READ_ACTIONS,
    };
  },
  check: (self, env) => {
    const issues: CheckIssue[] = [];
    if (self.region.role !== "primary") {
      issues.push({
        path: "region",
        value: self.region.name,
        allowed: `IAM is global: deploy security/ci-access once, in the primary region (${env.regions.find((r) => r.role === "primary")?.name})`,
      });
    }
    const planEnvironments = self.inputs.planRole.subjects.filter((s) => s.startsWith("environment:"));
    if (planEnvironments.some((s) => s !== `environment:${env.name}-plan`)) {
      issues.push({
        path: "inputs.planRole.subjects",
        value: planEnvironments.join(", "),
        allowed: `"environment:${env.name}-plan": the plan role of ${env.name} trusts only its own plan environment (docs/delivery.md)`,
      });
    }
    if (self.inputs.deployRole.githubEnvironment !== env.name) {
      issues.push({
        path: "inputs.deployRole.githubEnvironment",
        value: self.inputs.deployRole.githubEnvironment,
        allowed: `"${env.name}": the deploy role of ${env.name} trusts only the GitHub Environment of the same name (docs/delivery.md)`,
      });
    }
    return issues;
  },
});
