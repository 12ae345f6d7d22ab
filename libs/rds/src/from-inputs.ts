import type { DailyWindow, MasterCredentialsInput, WeeklyWindow } from "@infra/config";
import { type DatabaseInstanceProps, masterCredentialsOf } from "./database-instance";

/**
 * The fields every workload's RDS inputs share. Each workload keeps its own zod schema (composing
 * `@infra/rds/engine`'s constraints); its parsed inputs fit this shape.
 */
export interface DatabaseInputs {
  /** DB instance identifier and name prefix. */
  readonly name: string;
  /** Major engine version, e.g. "16". */
  readonly engineVersion: string;
  /** e.g. "db.t4g.micro". */
  readonly instanceClass: string;
  /** Allocated storage in GB. */
  readonly allocatedStorageGb: number;
  readonly multiAz: boolean;
  /** Days of automated backups. */
  readonly backupRetentionDays: number;
  readonly deletionProtection: boolean;
  /** Refuse unencrypted connections (rds.force_ssl / require_secure_transport). */
  readonly forceSsl: boolean;
  /** Days CloudWatch keeps the exported logs. */
  readonly logRetentionDays: number;
  /** RDS-managed master password, or a rotated secret (ADR 0011). */
  readonly masterCredentials: MasterCredentialsInput;
}

/** Where a workload's database stands: what it takes from the env and from the workload's other stacks. */
export interface DatabasePlacement {
  /** The env's windows (settings.windows), typed and checked at resolve time. */
  readonly windows: { readonly backup: DailyWindow; readonly databaseMaintenance: WeeklyWindow };
  /** The workload's VPC: its DB subnet group, and the private subnets a rotation function runs in. */
  readonly vpc: { readonly vpcId: string; readonly dbSubnetGroupName?: string; readonly privateSubnetIds: readonly string[] };
  /** The workload's keys: `data` encrypts storage and the master secret, `logs` the exported log groups. */
  readonly keys: { readonly data: { readonly keyArn: string }; readonly logs: { readonly keyArn: string } };
  /** The instance this one replicates (a DR region's cross-region replica). @default none: a primary with the inputs' master credentials */
  readonly replicaOf?: { readonly instanceArn: string };
  /** The workload's data key in each region its rotated secret is replicated to (`masterCredentials.replicaRegions`). @default {} */
  readonly secretReplicaKeys?: Readonly<Record<string, { readonly keyArn: string }>>;
}

/** The part of a `DatabaseInstance`'s props that every workload derives the same way from its inputs and placement. */
export type DatabaseBaseProps = Pick<
  DatabaseInstanceProps,
  | "name"
  | "backupWindow"
  | "maintenanceWindow"
  | "engineVersion"
  | "instanceClass"
  | "allocatedStorage"
  | "multiAz"
  | "backupRetentionDays"
  | "deletionProtection"
  | "kmsKeyArn"
  | "masterUserSecretKmsKeyId"
  | "forceSsl"
  | "vpcId"
  | "subnetGroupName"
  | "logRetentionDays"
  | "logKmsKeyArn"
  | "masterCredentials"
  | "replicateSourceDb"
>;

/**
 * A workload's database props from its inputs: the workload spreads these and adds what is its own
 * (engine, clients, replicas, storage options), so a new workload's RDS builder is a few lines.
 */
export function databasePropsFromInputs(inputs: DatabaseInputs, placement: DatabasePlacement): DatabaseBaseProps {
  const { vpc, keys, windows, replicaOf, secretReplicaKeys } = placement;
  if (vpc.dbSubnetGroupName === undefined)
    throw new Error(`database ${inputs.name}: its VPC has no DB subnet group (the Vpc construct makes one unless createDbSubnetGroup is false)`);
  return {
    name: inputs.name,
    backupWindow: windows.backup,
    maintenanceWindow: windows.databaseMaintenance,
    engineVersion: inputs.engineVersion,
    instanceClass: inputs.instanceClass,
    allocatedStorage: inputs.allocatedStorageGb,
    multiAz: inputs.multiAz,
    backupRetentionDays: inputs.backupRetentionDays,
    deletionProtection: inputs.deletionProtection,
    kmsKeyArn: keys.data.keyArn,
    masterUserSecretKmsKeyId: keys.data.keyArn,
    forceSsl: inputs.forceSsl,
    vpcId: vpc.vpcId,
    subnetGroupName: vpc.dbSubnetGroupName,
    logRetentionDays: inputs.logRetentionDays,
    logKmsKeyArn: keys.logs.keyArn,
    ...(replicaOf ? { replicateSourceDb: replicaOf.instanceArn } : { masterCredentials: masterCredentialsOf(inputs, vpc.privateSubnetIds, secretReplicaKeys) }),
  };
}
