import { deploy, deploymentsFrom } from "@infra/config";
import { platformModules as platform } from "@envs/envcommon";

/** The platform (seed 004) in prod us-east-1: its deployments and their overrides. */
export const platformDeployments = deploymentsFrom("environments/prod/us-east-1/platform.ts", [
  deploy(platform.kms),
  deploy(platform.vpc),
  deploy(platform.vpcPeering, { dependencies: { peer: { category: "network", module: "vpc", region: "eu-west-1" } } }),
  deploy(platform.ecsCluster, { inputs: { instanceType: "m6g.large", minInstances: 3, maxInstances: 10, placement: "spread" } }),
  // The source of the eu-west-1 DR replica: the master password is a rotated secret (ADR 0011).
  deploy(platform.rds, { inputs: { instanceClass: "db.r6g.large", allocatedStorageGb: 100, multiAz: true, enhancedMonitoringInterval: 60, masterCredentials: { mode: "rotated-secret", rotationDays: 30 } } }),
  deploy(platform.monitoring),
  deploy(platform.zone),
  deploy(platform.ingress),
  // Seed 004 failover: Route 53 PRIMARY (here, health-checked) / SECONDARY (eu-west-1).
  deploy(platform.appRecord, {
    inputs: { routing: { mode: "failover", healthCheck: { type: "TCP" }, failureThreshold: 3, requestIntervalSeconds: 30 } },
    dependencies: { secondary: { category: "services", module: "ingress", region: "eu-west-1" } },
  }),
  deploy(platform.ciAccess),
]);
