import { deployWorkload } from "@infra/config";
import { platformModules as platform } from "@envs/envcommon";

/** The platform (seed 004) in prod eu-west-1, the DR region: peering, DNS and CI access live in us-east-1. */
export const platformDeployments = deployWorkload("environments/prod/eu-west-1/platform.ts", platform, {
  except: ["vpcPeering", "zone", "appRecord", "ciAccess"],
  overrides: {
    // Pilot light: the cluster idles at one instance and scales out to prod size on failover.
    ecsCluster: { inputs: { instanceType: "m6g.large", minInstances: 1, maxInstances: 10, placement: "spread" } },
    // A cross-region read replica of the us-east-1 database, promoted on failover (RPO 5 min).
    // Pilot light: one task, up to prod size on failover.
    app: { inputs: { scaling: { minTasks: 1, maxTasks: 10 } } },
    rds: { inputs: { instanceClass: "db.r6g.large", allocatedStorageGb: 100, multiAz: true, enhancedMonitoringInterval: 60, replicaOfPrimary: true } },
    // The vault us-east-1's hourly snapshots are copied into; it also snapshots this region's hosts hourly,
    // so a failover finds prod's plan running here already.
    backup: { inputs: { frequency: "hourly" } },
  },
});
