import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { EcsClusterCapacityProviders } from "@cdktf/provider-aws/lib/ecs-cluster-capacity-providers";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";

export type FargateCapacityProvider = "FARGATE" | "FARGATE_SPOT";

export interface CapacityProviderStrategyItem {
  readonly capacityProvider: FargateCapacityProvider;
  /** Relative share of tasks. @default 1 */
  readonly weight?: number;
  /** Tasks always placed on this provider first. @default 0 */
  readonly base?: number;
}

export interface FargateClusterProps {
  /** Cluster name, e.g. "prod-atlas". */
  readonly name: string;
  /**
   * CloudWatch Container Insights. "enhanced" adds task/container-level metrics. POLICIES.md #40
   * wants it on; seed 004 turns it off outside prod (a relaxation the env config passes). @default "enabled"
   */
  readonly containerInsights?: "enabled" | "enhanced" | "disabled";
  /** @default ["FARGATE", "FARGATE_SPOT"] */
  readonly capacityProviders?: readonly FargateCapacityProvider[];
  /** Strategy for services that name none. @default all on FARGATE */
  readonly defaultCapacityProviderStrategy?: readonly CapacityProviderStrategyItem[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** An ECS cluster for Fargate services, with FARGATE and FARGATE_SPOT capacity providers. */
export class FargateCluster extends Construct {
  readonly clusterArn: string;
  readonly clusterName: string;

  constructor(scope: Construct, id: string, props: FargateClusterProps) {
    super(scope, id);
    markLibrary(this, "ecs-service");
    const providers = props.capacityProviders ?? ["FARGATE", "FARGATE_SPOT"];
    const strategy = props.defaultCapacityProviderStrategy ?? [{ capacityProvider: "FARGATE", weight: 1 }];
    if (providers.length === 0) throw new RangeError(`FargateCluster ${props.name}: capacityProviders must not be empty`);
    for (const s of strategy) {
      if (!providers.includes(s.capacityProvider)) {
        throw new RangeError(
          `FargateCluster ${props.name}: default strategy uses ${s.capacityProvider}, which is not in capacityProviders (${providers.join(", ")})`,
        );
      }
    }

    const cluster = new EcsCluster(this, "cluster", {
      name: props.name,
      setting: [{ name: "containerInsights", value: props.containerInsights ?? "enabled" }],
      tags: { ...props.tags, Name: props.name },
    });
    new EcsClusterCapacityProviders(this, "capacity-providers", {
      clusterName: cluster.name,
      capacityProviders: [...providers],
      defaultCapacityProviderStrategy: strategy.map((s) => ({ capacityProvider: s.capacityProvider, weight: s.weight ?? 1, base: s.base ?? 0 })),
    });
    this.clusterArn = cluster.arn;
    this.clusterName = cluster.name;
  }
}
