import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import type { StackBuilder } from "@infra/core";
import { DatabaseInstance, databasePropsFromInputs } from "@infra/rds";
import type { TimelineRdsInputs } from "../inputs/rds";
import { buildTimelineKms } from "./kms";
import { buildTimelineNetwork } from "./network";
import { runbookCname } from "./runbook-record";

export interface TimelineDatabase {
  readonly database: DatabaseInstance;
  readonly allocatedStorageGb: number;
  /** True for a DR region's cross-region replica. */
  readonly isCrossRegionReplica: boolean;
  /** DNS names the application uses (primary region): writer and reader endpoints. */
  readonly writerName?: string;
  readonly readerName?: string;
  /**
   * The RDS-managed master secret the application reads its credentials from: the primary's, also
   * in the DR region (a replica has none; after promotion the password is still the primary's).
   */
  readonly secret: { readonly arn: string; readonly kmsKeyArn: string; readonly region: string };
}

/** Record names in the private zone: stable across failover (the runbook re-points the writer). */
export const WRITER_RECORD = "db-writer";
export const READER_RECORD = "db-reader";

export const buildTimelineRds: StackBuilder<TimelineRdsInputs, TimelineDatabase> = (stack, inputs, ctx) => {
  const { vpc, appSecurityGroupId, zone } = ctx.dependencyOn("vpc", buildTimelineNetwork);
  const keys = ctx.dependencyOn("kms", buildTimelineKms);
  const primary = inputs.replicaOfPrimary ? ctx.dependencyOn("primary", buildTimelineRds) : undefined;
  const source = primary?.database;
  const database = new DatabaseInstance(stack, "rds", {
    ...databasePropsFromInputs(inputs, { windows: ctx.settings.windows, vpc, keys, replicaOf: source }),
    engine: "postgres",
    maxAllocatedStorage: 2 * inputs.allocatedStorageGb,
    enhancedMonitoringInterval: inputs.enhancedMonitoringInterval,
    allowedSecurityGroupIds: [appSecurityGroupId],
    dbName: "timeline",
    readReplicas: inputs.readReplicas,
    replicaMultiAz: inputs.replicaMultiAz,
  });

  let writerName: string | undefined;
  let readerName: string | undefined;
  if (zone) {
    writerName = runbookCname(stack, "writer-record", zone, WRITER_RECORD, database.address);
    readerName = `${READER_RECORD}.${zone.name}`;
    // Reads spread evenly over the replicas (the primary when there are none).
    const readers = database.replicaAddresses.length > 0 ? database.replicaAddresses : [database.address];
    readers.forEach(
      (address, i) =>
        new Route53Record(stack, `reader-record-${i + 1}`, {
          zoneId: zone.zoneId,
          name: readerName!,
          type: "CNAME",
          ttl: 60,
          records: [address],
          setIdentifier: `reader-${i + 1}`,
          weightedRoutingPolicy: { weight: 1 },
        }),
    );
  }
  const secret = primary ? primary.secret : { arn: database.masterUserSecretArn!, kmsKeyArn: keys.data.keyArn, region: ctx.deployment.region.name };
  return { database, allocatedStorageGb: inputs.allocatedStorageGb, isCrossRegionReplica: source !== undefined, writerName, readerName, secret };
};
