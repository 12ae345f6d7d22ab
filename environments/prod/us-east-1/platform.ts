import { deployWorkload } from "@infra/config";
import { platformModules as platform } from "@envs/envcommon";

/** The platform (seed 004) in prod us-east-1: its deployments and their overrides. */
export const platformDeployments = deployWorkload("environments/prod/us-east-1/platform.ts", platform, {
  overrides: {
    vpcPeering: { dependencies: { peer: { module: platform.vpc, region: "eu-west-1" } } },
    ecsCluster: { inputs: { instanceType: "m6g.large", minInstances: 3, maxInstances: 10, placement: "spread" } },
    // Seed 004 scaling: 3-10 tasks, spread over the AZs (the cluster's placement).
    app: { inputs: { scaling: { minTasks: 3, maxTasks: 10 } } },
    // The source of the eu-west-1 DR replica: the master password is a rotated secret (ADR 0011), replicated to
    // eu-west-1 (seed 004 "Secrets Manager (cross-region)") so the promoted replica's clients log in with it.
    rds: {
      inputs: {
        instanceClass: "db.r6g.large",
        allocatedStorageGb: 100,
        multiAz: true,
        enhancedMonitoringInterval: 60,
        masterCredentials: { mode: "rotated-secret", rotationDays: 30, replicaRegions: ["eu-west-1"] },
      },
    },
    // Seed 004 EBS snapshots: hourly in prod (RPO 1 hour), each copied to the eu-west-1 vault (kept 7 days:
    // a restore there needs the latest, ADR 0090).
    backup: { inputs: { frequency: "hourly", drCopy: { region: "eu-west-1", retentionDays: 7 } } },
    // Seed 004 failover: Route 53 PRIMARY (here, health-checked on the service's /health through the ALB) / SECONDARY (eu-west-1).
    appRecord: {
      inputs: { routing: { mode: "failover", healthCheck: { type: "HTTPS", path: "/health" }, failureThreshold: 3, requestIntervalSeconds: 30 } },
      dependencies: { secondary: { module: platform.ingress, region: "eu-west-1" } },
    },
  },
});
