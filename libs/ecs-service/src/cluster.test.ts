import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { EcsClusterCapacityProviders } from "@cdktf/provider-aws/lib/ecs-cluster-capacity-providers";
import { ServiceDiscoveryPrivateDnsNamespace } from "@cdktf/provider-aws/lib/service-discovery-private-dns-namespace";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { FargateCluster, type FargateClusterProps } from "./cluster";
import { PrivateNamespace } from "./namespace";

const synth = (props: Partial<FargateClusterProps> = {}) =>
  Testing.synthScope((scope) => {
    new FargateCluster(scope, "cluster", { name: "prod-atlas", ...props });
  });

describe("FargateCluster", () => {
  it("enables container insights and registers FARGATE and FARGATE_SPOT", () => {
    const json = synth();
    expect(json).toHaveResourceWithProperties(EcsCluster, { name: "prod-atlas", setting: [{ name: "containerInsights", value: "enabled" }] });
    const tf = JSON.parse(json);
    const [clusterName] = Object.keys(tf.resource.aws_ecs_cluster);
    expect(Object.values(tf.resource.aws_ecs_cluster_capacity_providers)[0]).toEqual({
      cluster_name: `\${aws_ecs_cluster.${clusterName}.name}`,
      capacity_providers: ["FARGATE", "FARGATE_SPOT"],
      default_capacity_provider_strategy: [{ capacity_provider: "FARGATE", weight: 1, base: 0 }],
    });
  });

  it("takes insights and strategy from props", () => {
    const json = synth({
      containerInsights: "disabled",
      defaultCapacityProviderStrategy: [
        { capacityProvider: "FARGATE", base: 1 },
        { capacityProvider: "FARGATE_SPOT", weight: 3 },
      ],
    });
    expect(json).toHaveResourceWithProperties(EcsCluster, { setting: [{ name: "containerInsights", value: "disabled" }] });
    expect(json).toHaveResourceWithProperties(EcsClusterCapacityProviders, {
      default_capacity_provider_strategy: [
        { capacity_provider: "FARGATE", weight: 1, base: 1 },
        { capacity_provider: "FARGATE_SPOT", weight: 3, base: 0 },
      ],
    });
  });

  it("rejects a strategy on a provider the cluster does not have", () => {
    expect(() => synth({ capacityProviders: ["FARGATE"], defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT" }] })).toThrow(
      "FargateCluster prod-atlas: default strategy uses FARGATE_SPOT, which is not in capacityProviders (FARGATE)",
    );
  });
});

describe("PrivateNamespace", () => {
  it("creates a private DNS namespace in the VPC", () => {
    let ns: PrivateNamespace | undefined;
    const json = Testing.synthScope((scope) => {
      ns = new PrivateNamespace(scope, "ns", { name: "atlas.internal", vpcId: "vpc-1" });
    });
    expect(json).toHaveResourceWithProperties(ServiceDiscoveryPrivateDnsNamespace, { name: "atlas.internal", vpc: "vpc-1" });
    expect(ns!.namespaceName).toBe("atlas.internal");
  });
});
