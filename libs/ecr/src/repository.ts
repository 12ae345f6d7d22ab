import { EcrLifecyclePolicy } from "@cdktf/provider-aws/lib/ecr-lifecycle-policy";
import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { EcrRepositoryPolicy } from "@cdktf/provider-aws/lib/ecr-repository-policy";
import { markLibrary } from "@infra/core";
import { type GrantOptions, type Grantee, type JsonPolicyStatement, grantStatements } from "@infra/iam";
import { Construct } from "constructs";
import { DEFAULT_LIFECYCLE_RULES, type LifecycleRule, renderLifecyclePolicy } from "./lifecycle";
import { ECR_PULL_ACTIONS } from "./pull";

/** A grant in the repository policy: principals (account or role ARNs, never "*") and what they may do. */
export interface RepositoryPolicyGrant {
  /** IAM principal ARNs, e.g. "arn:aws:iam::123456789012:root" for a whole account. */
  readonly principalArns: readonly string[];
  /** "pull" reads images; "pullPush" also uploads them (a CI role in another account). */
  readonly access: "pull" | "pullPush";
}

const PUSH_ACTIONS = ["ecr:CompleteLayerUpload", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"];

export interface RepositoryProps {
  /** Repository name, e.g. "acct-atlas-api-gateway". */
  readonly name: string;
  /** Customer-managed KMS key ARN that encrypts the images. */
  readonly kmsKeyArn: string;
  /** Scan each image for CVEs when it is pushed. @default true */
  readonly scanOnPush?: boolean;
  /**
   * Tag mutability. IMMUTABLE means a tag names one image forever (what a deployment records is what
   * runs). MUTABLE is a relaxation for dev and must be asked for. @default "IMMUTABLE"
   */
  readonly imageTagMutability?: "IMMUTABLE" | "MUTABLE";
  /** Lifecycle rules, evaluated in order. @default expire untagged after 7 days, keep the last 30 tagged images */
  readonly lifecycleRules?: readonly LifecycleRule[];
  /** Repository policy grants (cross-account pull/push). @default none: only IAM policies of this account grant access */
  readonly policyGrants?: readonly RepositoryPolicyGrant[];
  /** Refuse to destroy the repository (and its images): `prevent_destroy`, no `force_delete`. @default true */
  readonly deletionProtection?: boolean;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Renders the repository policy; rejects a "*" principal so the repository can never be public. */
export function renderRepositoryPolicy(grants: readonly RepositoryPolicyGrant[]): string {
  const statements = grants.map((g, i): JsonPolicyStatement => {
    if (g.principalArns.length === 0) throw new RangeError(`ECR repository policy grant ${i}: principalArns must not be empty`);
    const bad = g.principalArns.find((p) => p === "*" || p.includes("*"));
    if (bad !== undefined) throw new RangeError(`ECR repository policy grant ${i}: principal ${JSON.stringify(bad)} is a wildcard; name accounts or roles`);
    const actions = g.access === "pull" ? [...ECR_PULL_ACTIONS] : [...ECR_PULL_ACTIONS, ...PUSH_ACTIONS];
    return { Sid: `Grant${i}${g.access === "pull" ? "Pull" : "PullPush"}`, Effect: "Allow", Principal: { AWS: [...g.principalArns] }, Action: actions };
  });
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

/** A private ECR repository: CMK encryption, scan on push, immutable tags, a lifecycle policy. */
export class Repository extends Construct {
  readonly repositoryName: string;
  readonly repositoryArn: string;
  readonly repositoryUrl: string;

  constructor(scope: Construct, id: string, props: RepositoryProps) {
    super(scope, id);
    markLibrary(this, "ecr");
    const deletionProtection = props.deletionProtection ?? true;
    const lifecycleRules = props.lifecycleRules ?? DEFAULT_LIFECYCLE_RULES;

    const repo = new EcrRepository(this, "repository", {
      name: props.name,
      imageTagMutability: props.imageTagMutability ?? "IMMUTABLE",
      imageScanningConfiguration: { scanOnPush: props.scanOnPush ?? true },
      encryptionConfiguration: [{ encryptionType: "KMS", kmsKey: props.kmsKeyArn }],
      forceDelete: !deletionProtection,
      lifecycle: { preventDestroy: deletionProtection },
      tags: { ...props.tags, Name: props.name },
    });
    this.repositoryName = repo.name;
    this.repositoryArn = repo.arn;
    this.repositoryUrl = repo.repositoryUrl;

    new EcrLifecyclePolicy(this, "lifecycle", { repository: repo.name, policy: renderLifecyclePolicy(lifecycleRules) });

    if (props.policyGrants && props.policyGrants.length > 0) {
      new EcrRepositoryPolicy(this, "policy", { repository: repo.name, policy: renderRepositoryPolicy(props.policyGrants) });
    }
  }

  /** Let a grantee pull from this repository (pair it with ecrPullStatements' auth token). One statement, default sid "EcrPull". */
  grantPull(grantee: Grantee, options: GrantOptions = {}): void {
    grantStatements(grantee, options.sid, "EcrPull", [{ suffix: "", effect: "Allow", actions: [...ECR_PULL_ACTIONS], resources: [this.repositoryArn] }]);
  }
}
