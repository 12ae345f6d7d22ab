import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";

/** Actions that read image layers and manifests: what `docker pull` needs on a repository. */
export const ECR_PULL_ACTIONS: readonly string[] = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"];

/**
 * IAM statements that let a role pull from the given repositories. `ecr:GetAuthorizationToken`
 * is account-wide and AWS does not allow scoping it to a resource, so it is the one `*` here;
 * the token alone reads nothing.
 */
export function ecrPullStatements(repositoryArns: readonly string[]): DataAwsIamPolicyDocumentStatement[] {
  if (repositoryArns.length === 0) return [];
  return [
    { sid: "EcrAuthToken", effect: "Allow", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
    { sid: "EcrPull", effect: "Allow", actions: [...ECR_PULL_ACTIONS], resources: [...repositoryArns] },
  ];
}
