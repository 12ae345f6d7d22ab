import { SERVICES, atlasAppDeployInputs } from "@infra/atlas-inputs";
import { ciAccess } from "../../platform/security/ci-access";
import { type AtlasContext, features, inPrimary, prefix } from "../features";
import { ecr } from "../services/ecr";
import { ecs } from "../services/ecs";
import { atlasModule } from "../workload";

/**
 * The application repositories' GitHub Actions deploy role of the env (issue 14, docs/ci-access.md
 * "Application deploy roles"): push to the env's ECR repositories; from phase 2, deploy to its ECS
 * services (phase 4: CodeDeploy blue/green). IAM is global: once per env, in the primary region.
 */
export const appDeploy = atlasModule("security/app-deploy", {
  schema: atlasAppDeployInputs,
  enabled: inPrimary,
  dependencies: (ctx: AtlasContext) => ({
    // The account's GitHub OIDC provider has one owner: the platform's security/ci-access (applied by an admin).
    ciAccess,
    ecr,
    ...(features(ctx).compute === "ecs" ? { ecs } : {}),
  }),
  defaults: (ctx: AtlasContext) => ({
    roleName: `${prefix(ctx)}-app-deploy`,
    // The seed's deploy workflow, run in the GitHub Environment named after the env (required reviewers gate prod).
    trust: ctx.workload.appRepositories.map((repository) => ({ repository, subjects: [`environment:${ctx.env.name}`] })),
    // Envs with protected data deploy only through gated GitHub Environments.
    environmentsOnly: ctx.settings.deletionProtection,
    repositories: SERVICES.map((s) => s.repository),
    // Seed phase 1: "SSH-based deployment" to the Docker host; phase 2+: ECS.
    deploy: features(ctx).compute === "ecs" ? ("ecs" as const) : ("ssh" as const),
    maxSessionHours: 2,
  }),
});
