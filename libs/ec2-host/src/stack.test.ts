import { LibraryTagAspect } from "@infra/core";
import { Repository } from "@infra/ecr";
import { synthStack } from "@infra/testing-core/stack";
import { describe, expect, it } from "vitest";
import { DockerHost } from "./docker-host";

describe("ec2-host in a stack", () => {
  it("pulls from an ECR repository of the same stack by reference and tags resources by library", () => {
    const tf = synthStack(
      (stack) => {
        const repo = new Repository(stack, "repo", { name: "acct-atlas-api-gateway", kmsKeyArn: "arn:aws:kms:us-east-1:1:key/ecr" });
        new DockerHost(stack, "host", {
          name: "prod-atlas",
          instanceType: "t3.xlarge",
          vpcId: "vpc-1",
          subnetId: "subnet-public-a",
          kmsKeyArn: "arn:aws:kms:us-east-1:1:key/ebs",
          elasticIp: true,
          ecrRepositoryArns: [repo.repositoryArn],
        });
      },
      { aspects: [new LibraryTagAspect()] },
    );
    const [repoName] = Object.keys(tf.resource.aws_ecr_repository!);
    const access = Object.entries(tf.data!.aws_iam_policy_document!).find(([k]) => k.startsWith("host_access"))![1] as {
      statement: { sid: string; resources: string[] }[];
    };
    expect(access.statement.find((s) => s.sid === "EcrPull")!.resources).toEqual([`\${aws_ecr_repository.${repoName}.arn}`]);
    expect((Object.values(tf.resource.aws_instance!)[0] as { tags: Record<string, string> }).tags.Library).toBe("ec2-host");
    expect((Object.values(tf.resource.aws_ecr_repository!)[0] as { tags: Record<string, string> }).tags.Library).toBe("ecr");
  });
});
