import { LibraryTagAspect } from "@infra/core";
import { synthStack } from "@infra/testing-core/stack";
import { describe, expect, it } from "vitest";
import { FargateCluster } from "./cluster";
import { PrivateNamespace } from "./namespace";
import { FargateService } from "./service";

describe("ecs-service in a stack", () => {
  it("wires cluster, namespace and service together and tags every taggable resource Library=ecs-service", () => {
    let svc!: FargateService;
    const tf = synthStack(
      (stack) => {
        const cluster = new FargateCluster(stack, "cluster", { name: "prod-atlas" });
        const ns = new PrivateNamespace(stack, "ns", { name: "atlas.internal", vpcId: "vpc-1" });
        svc = new FargateService(stack, "user-service", {
          name: "user-service",
          cluster,
          vpcId: "vpc-1",
          subnetIds: ["subnet-a"],
          cpu: 512,
          memory: 1024,
          container: { name: "user-service", image: "img:1", port: 8081 },
          logRetentionDays: 30,
          logKmsKeyArn: "arn:aws:kms:us-east-1:1:key/logs",
          serviceDiscovery: ns,
          autoScaling: { min: 2, max: 10 },
          desiredCount: 3,
        });
      },
      { aspects: [new LibraryTagAspect()] },
    );
    const [clusterName] = Object.keys(tf.resource.aws_ecs_cluster);
    const [nsName] = Object.keys(tf.resource.aws_service_discovery_private_dns_namespace);
    const service = Object.values(tf.resource.aws_ecs_service)[0] as Record<string, unknown>;
    expect(service.cluster).toBe(`\${aws_ecs_cluster.${clusterName}.arn}`);
    const discovery = Object.values(tf.resource.aws_service_discovery_service)[0] as { dns_config: { namespace_id: string } };
    expect(discovery.dns_config.namespace_id).toBe(`\${aws_service_discovery_private_dns_namespace.${nsName}.id}`);
    const target = Object.values(tf.resource.aws_appautoscaling_target)[0] as { resource_id: string };
    expect(target.resource_id).toMatch(new RegExp(`^service/\\$\\{aws_ecs_cluster\\.${clusterName}\\.name\\}/\\$\\{aws_ecs_service\\.`));
    expect(svc.discoveryName).toBe("user-service.atlas.internal");
    for (const type of ["aws_ecs_cluster", "aws_ecs_service", "aws_ecs_task_definition", "aws_iam_role", "aws_security_group", "aws_cloudwatch_log_group"]) {
      for (const r of Object.values(tf.resource[type]) as { tags: Record<string, string> }[]) expect(r.tags.Library).toBe("ecs-service");
    }
  });
});
