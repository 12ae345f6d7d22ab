import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { ResolvedDeployment } from "@infra/config";
import { Aspects, S3Backend, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { LibraryTagAspect } from "./library-tag";

/**
 * One stack per deployment: its own S3 state object, an AWS provider pinned to the env's account
 * and region, and default tags. Everything else comes from the deployment's builder.
 */
export class DeploymentStack extends TerraformStack {
  readonly deployment: ResolvedDeployment;
  readonly provider: AwsProvider;

  constructor(scope: Construct, deployment: ResolvedDeployment, options: { terraformVersion: string }) {
    super(scope, deployment.stackName);
    this.deployment = deployment;

    const b = deployment.backend;
    new S3Backend(this, {
      bucket: b.bucket,
      key: b.key,
      region: b.region,
      encrypt: b.encrypt,
      ...(b.dynamodbTable ? { dynamodbTable: b.dynamodbTable } : {}),
    });
    applyUseLockfile(this, b.useLockfile);

    const p = deployment.provider;
    this.provider = new AwsProvider(this, "aws", {
      region: p.region,
      allowedAccountIds: [...p.allowedAccountIds],
      defaultTags: [{ tags: { ...p.defaultTags } }],
    });
    this.addOverride("terraform.required_version", options.terraformVersion);
    Aspects.of(this).add(new LibraryTagAspect());
  }
}

/**
 * Terraform >= 1.10 native S3 state locking. cdktf 0.21's S3BackendConfig has no typed field for
 * `use_lockfile`, so this is the repo's one escape hatch for it.
 */
export function applyUseLockfile(stack: TerraformStack, useLockfile: boolean): void {
  if (useLockfile) stack.addOverride("terraform.backend.s3.use_lockfile", true);
}
