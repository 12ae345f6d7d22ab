import { EcrLifecyclePolicy } from "@cdktf/provider-aws/lib/ecr-lifecycle-policy";
import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { EcrRepositoryPolicy } from "@cdktf/provider-aws/lib/ecr-repository-policy";
import { PolicyStatements } from "@infra/iam";
import { describe, expect, it } from "vitest";
import { scopeSynthWith } from "@infra/testing-core/blocks";
import { ecrPullStatements } from "./pull";
import { Repository, type RepositoryProps } from "./repository";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/ecr";

const BASE: RepositoryProps = { name: "acct-atlas-api-gateway", kmsKeyArn: KEY };
const synth = scopeSynthWith(Repository, "repo", BASE);

describe("Repository", () => {
  it("creates an encrypted, scanned, immutable repository with prevent_destroy by default", () => {
    const { json, tf } = synth();
    expect(json).toHaveResourceWithProperties(EcrRepository, {
      name: "acct-atlas-api-gateway",
      image_tag_mutability: "IMMUTABLE",
      image_scanning_configuration: { scan_on_push: true },
      encryption_configuration: [{ encryption_type: "KMS", kms_key: KEY }],
      force_delete: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(Object.keys(tf.resource.aws_ecr_repository!)).toHaveLength(1);
    expect(tf.resource.aws_ecr_repository_policy).toBeUndefined();
  });

  it("allows MUTABLE tags and no deletion protection only when asked", () => {
    const { json } = synth({ imageTagMutability: "MUTABLE", deletionProtection: false, scanOnPush: false });
    expect(json).toHaveResourceWithProperties(EcrRepository, {
      image_tag_mutability: "MUTABLE",
      image_scanning_configuration: { scan_on_push: false },
      force_delete: true,
      lifecycle: { prevent_destroy: false },
    });
  });

  it("attaches the default lifecycle policy to the repository by reference", () => {
    const { tf } = synth();
    const lifecycle = Object.values(tf.resource.aws_ecr_lifecycle_policy!)[0]!;
    const repoName = Object.keys(tf.resource.aws_ecr_repository!)[0]!;
    expect(lifecycle.repository).toBe(`\${aws_ecr_repository.${repoName}.name}`);
    expect(JSON.parse(lifecycle.policy as string)).toEqual({
      rules: [
        {
          rulePriority: 1,
          description: "Expire untagged images after 7 days",
          selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 7 },
          action: { type: "expire" },
        },
        {
          rulePriority: 2,
          description: "Keep the last 30 tagged images",
          selection: { tagStatus: "tagged", tagPatternList: ["*"], countType: "imageCountMoreThan", countNumber: 30 },
          action: { type: "expire" },
        },
      ],
    });
  });

  it("renders custom lifecycle rules", () => {
    const { json } = synth({ lifecycleRules: [{ kind: "keepLastTagged", count: 10, tagPrefixes: ["v"] }] });
    expect(json).toHaveResourceWithProperties(EcrLifecyclePolicy, {
      policy: JSON.stringify({
        rules: [
          {
            rulePriority: 1,
            description: "Keep the last 10 images tagged v*",
            selection: { tagStatus: "tagged", tagPrefixList: ["v"], countType: "imageCountMoreThan", countNumber: 10 },
            action: { type: "expire" },
          },
        ],
      }),
    });
  });

  it("renders a repository policy for named principals", () => {
    const { json } = synth({ policyGrants: [{ principalArns: ["arn:aws:iam::222222222222:root"], access: "pull" }] });
    expect(json).toHaveResourceWithProperties(EcrRepositoryPolicy, {
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "Grant0Pull",
            Effect: "Allow",
            Principal: { AWS: ["arn:aws:iam::222222222222:root"] },
            Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
          },
        ],
      }),
    });
  });

  it("rejects a wildcard principal in the repository policy", () => {
    expect(() => synth({ policyGrants: [{ principalArns: ["*"], access: "pullPush" }] })).toThrow(
      'ECR repository policy grant 0: principal "*" is a wildcard; name accounts or roles',
    );
    expect(() => synth({ policyGrants: [{ principalArns: [], access: "pull" }] })).toThrow("principalArns must not be empty");
  });

  it("exposes typed attributes and a pull statement scoped to the repository", () => {
    const { construct: repo } = synth();
    expect(repo.repositoryArn).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
    const grantee = new PolicyStatements();
    repo.grantPull(grantee);
    const statement = grantee.statements[0]!;
    expect(statement.sid).toBe("EcrPull");
    expect(statement.actions).toEqual(["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]);
    expect(statement.resources).toEqual([repo.repositoryArn]);
  });
});

describe("ecrPullStatements", () => {
  it("scopes pulls to the given repositories; only the auth token is account-wide", () => {
    expect(ecrPullStatements(["arn:aws:ecr:us-east-1:1:repository/a"])).toEqual([
      { sid: "EcrAuthToken", effect: "Allow", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
      {
        sid: "EcrPull",
        effect: "Allow",
        actions: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
        resources: ["arn:aws:ecr:us-east-1:1:repository/a"],
      },
    ]);
    expect(ecrPullStatements([])).toEqual([]);
  });
});
