import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { ResolvedDeployment } from "@infra/config";
import { Aspects, S3Backend, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { addFreshEnvFallbacks } from "./cross-stack/fresh-env";
import { ProducerOutputs } from "./cross-stack/producer";
import { LibraryTagAspect } from "./library-tag";

/**
 * One stack per deployment: its own S3 state object, an AWS provider pinned to the env's account
 * and region, and default tags. Everything else comes from the deployment's builder.
 */
export class DeploymentStack extends TerraformStack {
  readonly deployment: ResolvedDeployment;
  readonly provider: AwsProvider;
  private readonly regionalProviders = new Map<string, AwsProvider>();
  private synthesized?: ReturnType<TerraformStack["toTerraform"]>;
  /** This stack as a producer of cross-stack outputs: their typed placeholders. */
  readonly producerOutputs: ProducerOutputs;

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
    this.producerOutputs = new ProducerOutputs(
      this,
      { stackName: deployment.stackName, region: p.region, account: p.allowedAccountIds[0] ?? "000000000000" },
      (remoteState, output) => this.producerOf(remoteState).get(output),
    );
  }

  /**
   * The stack's Terraform JSON, computed once. cdktf asks for it twice per synth — the policy pack's
   * validation, then the writer — and nothing changes in between (aspects and cross-stack wiring run
   * before validation), so the second call reuses the first: a third less synth time.
   *
   * Cross-stack reads fall back to typed placeholders while their producer is not applied, and
   * apply is refused while any does (plan on a fresh env: docs/fresh-env-plan.md).
   */
  override toTerraform(): ReturnType<TerraformStack["toTerraform"]> {
    this.synthesized ??= addFreshEnvFallbacks(super.toTerraform() as Record<string, unknown>, (remoteState, output) =>
      this.producerOf(remoteState).get(output),
    ) as ReturnType<TerraformStack["toTerraform"]>;
    return this.synthesized;
  }

  /** The dependency behind one of this stack's cross-stack remote state data sources. */
  private producerOf(remoteState: string): ProducerOutputs {
    for (const dependency of this.dependencies) {
      if (dependency instanceof DeploymentStack && dependency.producerOutputs.remoteStateName === remoteState) return dependency.producerOutputs;
    }
    throw new Error(`${this.deployment.stackName}: no dependency behind ${remoteState}`);
  }

  /**
   * The provider for another region of the same account (aliased, same account pin and default
   * tags), for resources that must live on the far side: a peering accepter, a DR replica's key.
   */
  providerFor(region: string): AwsProvider {
    if (region === this.deployment.provider.region) return this.provider;
    const existing = this.regionalProviders.get(region);
    if (existing) return existing;
    const p = this.deployment.provider;
    const provider = new AwsProvider(this, `aws-${region}`, {
      alias: region.replace(/-/g, "_"),
      region,
      allowedAccountIds: [...p.allowedAccountIds],
      defaultTags: [{ tags: { ...p.defaultTags } }],
    });
    this.regionalProviders.set(region, provider);
    return provider;
  }
}

/**
 * Terraform >= 1.10 native S3 state locking. cdktf 0.21's S3BackendConfig has no typed field for
 * `use_lockfile`, so this is the repo's one escape hatch for it.
 */
export function applyUseLockfile(stack: TerraformStack, useLockfile: boolean): void {
  if (useLockfile) stack.addOverride("terraform.backend.s3.use_lockfile", true);
}
