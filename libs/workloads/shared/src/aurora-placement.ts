import type { AllowedSecurityGroup, AuroraPostgresClusterProps } from "@infra/aurora";
import type { DailyWindow, WeeklyWindow } from "@infra/config";

/** The fields of a workload's Aurora inputs that `auroraPlacementProps` reads (each workload keeps its own schema). */
export interface AuroraRetentionInputs {
  /** Days CloudWatch keeps the cluster's PostgreSQL log. */
  readonly logRetentionDays: number;
  /** Days of automated backups. */
  readonly backupRetentionDays: number;
  readonly deletionProtection: boolean;
}

/** Where a workload's Aurora cluster stands: the env's windows and the workload's VPC, keys and clients. */
export interface AuroraPlacement {
  /** The env's windows (settings.windows), typed and checked at resolve time. */
  readonly windows: { readonly backup: DailyWindow; readonly databaseMaintenance: WeeklyWindow };
  /** The workload's VPC: its AZs and DB subnet group. */
  readonly vpc: { readonly azs: readonly string[]; readonly dbSubnetGroupName?: string; readonly vpcId: string };
  /** `data` encrypts storage and the master secret, `logs` the exported log group. */
  readonly keys: { readonly data: { readonly keyArn: string }; readonly logs: { readonly keyArn: string } };
  /** The security groups that may connect (the workload's functions). */
  readonly clients: readonly AllowedSecurityGroup[];
}

/** The part of an `AuroraPostgresCluster`'s props that every workload derives the same way from its inputs and placement. */
export type AuroraPlacementProps = Pick<
  AuroraPostgresClusterProps,
  | "availabilityZones"
  | "dbSubnetGroupName"
  | "vpcId"
  | "allowedSecurityGroups"
  | "kmsKeyArn"
  | "logKmsKeyArn"
  | "logRetentionDays"
  | "backupRetentionDays"
  | "preferredBackupWindow"
  | "preferredMaintenanceWindow"
  | "deletionProtection"
>;

/**
 * The Aurora counterpart of `databasePropsFromInputs` (`@infra/rds`, ADR 0085): network, keys,
 * retention and windows of a cluster, as Mile Quest and Aerologue both derive them. The workload adds
 * identifier, engine, capacity, credentials and global membership.
 */
export function auroraPlacementProps(inputs: AuroraRetentionInputs, placement: AuroraPlacement): AuroraPlacementProps {
  const { vpc, keys, windows } = placement;
  if (!vpc.dbSubnetGroupName) throw new Error(`an Aurora cluster needs the VPC's DB subnet group (VPC ${vpc.vpcId} has none: give it database subnets)`);
  return {
    availabilityZones: vpc.azs,
    dbSubnetGroupName: vpc.dbSubnetGroupName,
    vpcId: vpc.vpcId,
    allowedSecurityGroups: placement.clients,
    kmsKeyArn: keys.data.keyArn,
    logKmsKeyArn: keys.logs.keyArn,
    logRetentionDays: inputs.logRetentionDays,
    backupRetentionDays: inputs.backupRetentionDays,
    preferredBackupWindow: windows.backup,
    preferredMaintenanceWindow: windows.databaseMaintenance,
    deletionProtection: inputs.deletionProtection,
  };
}
