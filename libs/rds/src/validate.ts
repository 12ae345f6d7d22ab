import { windowProblems } from "@infra/config";
import type { DatabaseInstanceProps } from "./database-instance";
import {
  type DbEngine,
  DEFAULT_LOG_EXPORTS,
  engineVersionPinError,
  LOG_EXPORTS,
  MAXIMUM_STORAGE_GB,
  maxAllocatedStorageError,
  minimumStorage,
  parameterGroupFamily,
  type StorageType,
  supportsPerformanceInsights,
  validateInstanceClass,
} from "./engine";

export interface ResolvedDatabaseProps {
  readonly engine: DbEngine;
  readonly storageType: StorageType;
  readonly maxAllocatedStorage: number;
  readonly performanceInsights: boolean;
  readonly replicaPerformanceInsights: boolean;
  readonly logExports: readonly string[];
  readonly readReplicas: number;
  readonly skipFinalSnapshot: boolean;
}

const MONITORING_INTERVALS = [0, 1, 5, 10, 15, 30, 60];
const IDENTIFIER = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Applies defaults and checks every prop RDS would otherwise reject at apply time. */
export function validateDatabaseProps(props: DatabaseInstanceProps): ResolvedDatabaseProps {
  const errors: string[] = [];
  const engine = props.engine ?? "postgres";
  const storageType = props.storageType ?? "gp3";
  const isReplica = props.replicateSourceDb !== undefined;

  // Replica identifiers add "-replica-N", final snapshots "-final": keep room under RDS's 63 characters.
  if (!IDENTIFIER.test(props.name) || props.name.length > 50) {
    errors.push(`name "${props.name}" must be lower-case letters, digits and single hyphens, start with a letter, at most 50 characters`);
  }
  const classError = validateInstanceClass(engine, props.instanceClass);
  if (classError) errors.push(classError);
  if (props.replicaInstanceClass !== undefined) {
    const replicaClassError = validateInstanceClass(engine, props.replicaInstanceClass);
    if (replicaClassError) errors.push(`replicaInstanceClass: ${replicaClassError}`);
  }
  try {
    parameterGroupFamily(engine, props.engineVersion);
    // A replica inherits its source's version; only a primary names one.
    const pinError = isReplica ? undefined : engineVersionPinError(engine, props.engineVersion);
    if (pinError) errors.push(pinError);
  } catch (e) {
    errors.push((e as Error).message);
  }

  const min = minimumStorage(engine, storageType);
  if (!Number.isInteger(props.allocatedStorage) || props.allocatedStorage < min || props.allocatedStorage > MAXIMUM_STORAGE_GB) {
    errors.push(`allocatedStorage ${props.allocatedStorage} GB must be a whole number from ${min} (${engine} ${storageType}) to ${MAXIMUM_STORAGE_GB}`);
  }
  const maxAllocatedStorage = props.maxAllocatedStorage ?? Math.min(props.allocatedStorage * 2, MAXIMUM_STORAGE_GB);
  const maxStorageError = maxAllocatedStorageError(props.allocatedStorage, maxAllocatedStorage);
  if (maxStorageError) {
    errors.push(`maxAllocatedStorage ${maxAllocatedStorage} GB ${maxStorageError}`);
  }

  if (!Number.isInteger(props.backupRetentionDays) || props.backupRetentionDays < 1 || props.backupRetentionDays > 35) {
    errors.push(`backupRetentionDays ${props.backupRetentionDays} must be 1..35 (0 would turn off backups and point-in-time recovery)`);
  }
  const replicaRetention = props.replicaBackupRetentionDays;
  if (replicaRetention !== undefined && (!Number.isInteger(replicaRetention) || replicaRetention < 0 || replicaRetention > 35)) {
    errors.push(`replicaBackupRetentionDays ${replicaRetention} must be 0..35`);
  }
  errors.push(...windowProblems({ backup: props.backupWindow, maintenance: props.maintenanceWindow }, 30));
  if (!MONITORING_INTERVALS.includes(props.enhancedMonitoringInterval)) {
    errors.push(`enhancedMonitoringInterval ${props.enhancedMonitoringInterval} must be one of ${MONITORING_INTERVALS.join(", ")}`);
  }

  const piSupported = supportsPerformanceInsights(props.instanceClass);
  const performanceInsights = props.performanceInsights ?? piSupported;
  if (performanceInsights && !piSupported) {
    errors.push(`performanceInsights: ${props.instanceClass} does not support Performance Insights (use db.t3.medium or larger)`);
  }
  const piRetention = props.performanceInsightsRetentionDays;
  if (piRetention !== undefined && piRetention !== 7 && !(piRetention % 31 === 0 && piRetention >= 31 && piRetention <= 713) && piRetention !== 731) {
    errors.push(`performanceInsightsRetentionDays ${piRetention} must be 7, a multiple of 31 up to 713, or 731`);
  }
  const replicaPerformanceInsights = performanceInsights && supportsPerformanceInsights(props.replicaInstanceClass ?? props.instanceClass);

  const logExports = props.logExports ?? DEFAULT_LOG_EXPORTS[engine];
  const unknownLogs = logExports.filter((l) => !LOG_EXPORTS[engine].includes(l));
  if (unknownLogs.length > 0) errors.push(`logExports ${unknownLogs.join(", ")} not available for ${engine}: choose from ${LOG_EXPORTS[engine].join(", ")}`);
  if (logExports.length === 0) errors.push(`logExports is empty: export at least one ${engine} log (${LOG_EXPORTS[engine].join(", ")})`);

  const readReplicas = props.readReplicas ?? 0;
  if (!Number.isInteger(readReplicas) || readReplicas < 0 || readReplicas > 15) errors.push(`readReplicas ${readReplicas} must be 0..15`);
  if (isReplica) {
    if (!props.kmsKeyArn) errors.push("replicateSourceDb: kmsKeyArn (a key in this region) is required to encrypt a cross-region replica");
    if (readReplicas > 0) errors.push("replicateSourceDb: a replica cannot have readReplicas of its own here; add them to the primary");
    if (props.backupReplication) errors.push("replicateSourceDb: set backupReplication on the primary, not on a replica");
  }
  if (props.backupReplication && !props.backupReplication.kmsKeyArn) errors.push("backupReplication.kmsKeyArn is required: the copies are encrypted");

  // RDS: "Creating read replicas for source instance with engine postgres where ManageMasterUserPassword
  // is enabled is not supported" — a source of replicas keeps its password in a rotated secret instead.
  const credentials = props.masterCredentials ?? { mode: "rds-managed" };
  if (isReplica && props.masterCredentials) errors.push("masterCredentials: a replica inherits its source's master credentials; set them on the primary");
  if (!isReplica && readReplicas > 0 && credentials.mode === "rds-managed") {
    errors.push(
      `readReplicas ${readReplicas}: RDS refuses read replicas of an instance whose master password it manages; use masterCredentials { mode: "rotated-secret" }`,
    );
  }
  if (!isReplica && credentials.mode === "rotated-secret") {
    const c = credentials;
    if (!Number.isInteger(c.rotationDays) || c.rotationDays < 1 || c.rotationDays > 90)
      errors.push(`masterCredentials.rotationDays ${c.rotationDays} must be a whole number from 1 to 90`);
    if (c.rotationSubnetIds.length === 0) errors.push("masterCredentials.rotationSubnetIds must list the private subnets the rotation function runs in");
    if (!props.masterUserSecretKmsKeyId && !props.kmsKeyArn)
      errors.push("masterCredentials: the rotated secret needs a CMK (masterUserSecretKmsKeyId or kmsKeyArn)");
    if (`${props.name}-rotation`.length > 64) errors.push(`name "${props.name}" leaves no room for the rotation function "<name>-rotation" (64 characters)`);
  }

  if (errors.length > 0) throw new Error(`DatabaseInstance ${props.name}:\n  - ${errors.join("\n  - ")}`);
  return {
    engine,
    storageType,
    maxAllocatedStorage,
    performanceInsights,
    replicaPerformanceInsights,
    logExports,
    readReplicas,
    skipFinalSnapshot: props.skipFinalSnapshot ?? false,
  };
}
