import { z } from "zod";

/** `org/repo` as GitHub spells it (the `repo:` part of the OIDC token's `sub` claim). */
export const githubRepository = z
  .string()
  .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, { message: 'must be "<org>/<repo>" as GitHub spells it, e.g. "acme/aws-infra-monorepo"' });

/** An IAM service prefix, e.g. "ec2", "elasticloadbalancing", "cognito-idp". */
const servicePrefix = z.string().regex(/^[a-z0-9-]+$/, { message: 'must be an IAM service prefix such as "ec2" or "cognito-idp"' });

/** An IAM action, e.g. "apigateway:GET" or "budgets:ViewBudget" (wildcards allowed). */
const iamAction = z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9*]+$/, { message: 'must be an IAM action such as "apigateway:GET"' });

/** A Terraform output name carrying a role ARN (the GitHub variable the workflows read). */
const outputName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, { message: "must be an UPPER_SNAKE GitHub variable name" });

/** IAM role names: 64 characters, the documented character set. */
const roleName = z
  .string()
  .max(64)
  .regex(/^[\w+=,.@-]+$/, { message: "must be an IAM role name (letters, digits, +=,.@_-)" });

const unique = <T extends z.ZodType<string>>(item: T) =>
  z
    .array(item)
    .min(1)
    .refine((xs) => new Set(xs).size === xs.length, { message: "must not repeat a value" });

/**
 * Inputs of security/ci-access: the GitHub OIDC identity provider of the env's account and the
 * roles the workflows assume (docs/delivery.md, "OIDC roles: the contract for the IAM deployment").
 * IAM is global: one deployment per account, in the primary region.
 */
export const ciAccessInputs = z
  .object({
    /** The repository whose workflows may assume the roles. */
    githubRepository,
    /**
     * Create the account's `token.actions.githubusercontent.com` provider here. An account holds
     * one provider per URL: set false where it already exists (the roles then trust it by ARN).
     */
    createOidcProvider: z.boolean(),
    /** Read-only plan role (PR plans, drift). */
    planRole: z
      .object({
        name: roleName,
        /**
         * `sub` claims it trusts, after `repo:<org>/<repo>:`, e.g. "pull_request", "ref:refs/heads/main",
         * or "environment:prod-plan" (a reviewer-gated environment instead of any PR's code).
         */
        subjects: unique(
          z.string().regex(/^(pull_request|ref:refs\/heads\/[\w./-]+|environment:[\w.-]+)$/, {
            message: 'must be "pull_request", "ref:refs/heads/<branch>" or "environment:<name>"',
          }),
        ),
        /** Stack output (and GitHub variable) with the role ARN, e.g. AWS_PLAN_ROLE_ARN_PROD. */
        outputName,
      })
      .strict()
      .refine((r) => !r.subjects.some((s) => s.startsWith("environment:") && !s.endsWith("-plan")), {
        message:
          'the plan role trusts PR and branch workflows and a plan-only GitHub Environment ("environment:<env>-plan", gated by reviewers); other environment subjects belong to the deploy role',
        path: ["subjects"],
      }),
    /** Plan/apply role, trusted only for one GitHub Environment (the gated deploy job). */
    deployRole: z
      .object({
        name: roleName,
        /** The GitHub Environment whose jobs may assume it: `repo:<org>/<repo>:environment:<this>`. */
        githubEnvironment: z.string().regex(/^[\w.-]+$/),
        /** Stack output (and GitHub variable) with the role ARN: AWS_DEPLOY_ROLE_ARN or AWS_PROD_DEPLOY_ROLE_ARN. */
        outputName,
        /** What the role is, in its IAM description. */
        description: z.string().min(1).max(1000),
        /** Longest session (the deploy jobs run up to 120 minutes). */
        maxSessionHours: z.number().int().min(1).max(12),
      })
      .strict(),
    /**
     * IAM services beyond those of the env's own resources. The roles' services are derived at synth
     * from every resource and data source type the env's stacks contain (libs/config
     * iam-services.ts): the deploy role may use every action of them (except on the state bucket and
     * lock table), the plan role their Describe/List/Get actions. @default []
     */
    extraServices: z.array(servicePrefix).refine((xs) => new Set(xs).size === xs.length, { message: "must not repeat a value" }),
    /** Read actions of services that are not named Describe/List/Get (e.g. "apigateway:GET"). */
    extraReadActions: z.array(iamAction),
  })
  .strict()
  .refine((i) => i.planRole.name !== i.deployRole.name, { message: "the plan and deploy roles need different names", path: ["deployRole", "name"] })
  .refine((i) => i.planRole.outputName !== i.deployRole.outputName, {
    message: "the plan and deploy roles need different outputs",
    path: ["deployRole", "outputName"],
  });
export type CiAccessInputs = z.infer<typeof ciAccessInputs>;
