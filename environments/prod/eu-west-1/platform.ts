import { deploy, deploymentsFrom } from "@infra/config";
import { platformModules as platform } from "@envs/envcommon";

/** The platform (seed 004) in prod eu-west-1: its deployments and their overrides. */
export const platformDeployments = deploymentsFrom("environments/prod/eu-west-1/platform.ts", [
  deploy(platform.kms),
  deploy(platform.vpc),
  // Pilot light: the cluster idles at one instance and scales out to prod size on failover.
  deploy(platform.ecsCluster, { inputs: { instanceType: "m6g.large", minInstances: 1, maxInstances: 10, placement: "spread" } }),
  // A cross-region read replica of the us-east-1 database, promoted on failover (RPO 5 min).
  deploy(platform.rds, {
    inputs: { instanceClass: "db.r6g.large", allocatedStorageGb: 100, multiAz: true, enhancedMonitoringInterval: 60, replicaOfPrimary: true },
  }),
  deploy(platform.monitoring),
  deploy(platform.ingress),
]);
