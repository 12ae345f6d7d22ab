import { deploy, deploymentsFrom } from "@infra/config";
import { platformModules as platform } from "@envs/envcommon";

/** The platform (seed 004) in prod us-east-1: its deployments and their overrides. */
export const platformDeployments = deploymentsFrom("environments/prod/us-east-1/platform.ts", [
  deploy(platform.kms),
  deploy(platform.vpc),
  deploy(platform.vpcPeering, { dependencies: { peer: { category: "network", module: "vpc", region: "eu-west-1" } } }),
  deploy(platform.ecsCluster, { inputs: { instanceType: "m6g.large", minInstances: 3, maxInstances: 10, placement: "spread" } }),
  deploy(platform.rds, { inputs: { instanceClass: "db.r6g.large", allocatedStorageGb: 100, multiAz: true, enhancedMonitoringInterval: 60 } }),
  deploy(platform.monitoring),
]);
