import type { StackBuilder } from "@infra/core";
import { Repository } from "@infra/ecr";
import type { TimelineEcrInputs } from "../inputs/compute";
import { buildTimelineKms } from "./kms";

export interface TimelineRegistry {
  readonly repositoryArn: string;
  readonly repositoryUrl: string;
}

/** The API image repository of one region: CMK-encrypted, scanned on push, immutable tags, lifecycle policy. */
export const buildTimelineEcr: StackBuilder<TimelineEcrInputs, TimelineRegistry> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildTimelineKms);
  const repo = new Repository(stack, "api", {
    name: inputs.repositoryName,
    kmsKeyArn: keys.data.keyArn,
    imageTagMutability: inputs.imageTagMutability,
    scanOnPush: inputs.scanOnPush,
    lifecycleRules: [
      { kind: "expireUntagged", days: inputs.expireUntaggedDays },
      { kind: "keepLastTagged", count: inputs.keepLastTagged },
    ],
    deletionProtection: inputs.deletionProtection,
  });
  return { repositoryArn: repo.repositoryArn, repositoryUrl: repo.repositoryUrl };
};
