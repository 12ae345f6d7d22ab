import type { StackBuilder } from "@infra/core";
import { Repository } from "@infra/ecr";
import type { AtlasEcrInputs } from "../inputs/modules";
import { atlasTags } from "./common";
import { buildAtlasKms } from "./kms";

export interface AtlasRegistry {
  /** By repository name: ARN and URL. */
  readonly repositories: Readonly<Record<string, { readonly arn: string; readonly url: string }>>;
}

/** Seed "ECR: Container registry": one repository per image of docker-compose.prod.yml (nginx and redis are public images). */
export const buildAtlasEcr: StackBuilder<AtlasEcrInputs, AtlasRegistry> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildAtlasKms);
  const repositories: Record<string, { arn: string; url: string }> = {};
  for (const name of inputs.repositories) {
    const repo = new Repository(stack, name, {
      name,
      kmsKeyArn: keys.data.keyArn,
      scanOnPush: true,
      lifecycleRules: [
        { kind: "expireUntagged", days: inputs.expireUntaggedDays },
        { kind: "keepLastTagged", count: inputs.keepLastTagged },
      ],
      deletionProtection: inputs.deletionProtection,
      tags: atlasTags(name.replace(/^acct-atlas-/, "")),
    });
    repositories[name] = { arn: repo.repositoryArn, url: repo.repositoryUrl };
  }
  return { repositories };
};
