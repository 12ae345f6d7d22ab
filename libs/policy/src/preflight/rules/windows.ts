/**
 * Maintenance and backup windows: the attributes that take one, their format (the provider's own
 * validators: ValidOnceAWeekWindowFormat `ddd:hh24:mi-ddd:hh24:mi`, ValidOnceADayWindowFormat
 * `hh24:mi-hh24:mi`), the minimum length the service API demands, and which pairs must not overlap.
 */
import type { JsonObject } from "../../types";
import type { Located } from "../types";

export type WindowKind = "weekly" | "daily" | "fsx-weekly" | "hh:mm";

export interface WindowAttribute {
  readonly type: string;
  /** Dotted path of the attribute. */
  readonly attribute: string;
  readonly kind: WindowKind;
  /** Shortest window the API accepts, in minutes (0: no documented minimum). */
  readonly minMinutes: number;
}

export const WINDOW_ATTRIBUTES: readonly WindowAttribute[] = [
  // RDS: CreateDBInstance / CreateDBCluster: "Must be at least 30 minutes".
  { type: "aws_db_instance", attribute: "maintenance_window", kind: "weekly", minMinutes: 30 },
  { type: "aws_db_instance", attribute: "backup_window", kind: "daily", minMinutes: 30 },
  { type: "aws_rds_cluster", attribute: "preferred_maintenance_window", kind: "weekly", minMinutes: 30 },
  { type: "aws_rds_cluster", attribute: "preferred_backup_window", kind: "daily", minMinutes: 30 },
  { type: "aws_rds_cluster_instance", attribute: "preferred_maintenance_window", kind: "weekly", minMinutes: 30 },
  { type: "aws_rds_cluster_instance", attribute: "preferred_backup_window", kind: "daily", minMinutes: 30 },
  { type: "aws_docdb_cluster", attribute: "preferred_maintenance_window", kind: "weekly", minMinutes: 30 },
  { type: "aws_docdb_cluster", attribute: "preferred_backup_window", kind: "daily", minMinutes: 30 },
  { type: "aws_docdb_cluster_instance", attribute: "preferred_maintenance_window", kind: "weekly", minMinutes: 30 },
  { type: "aws_neptune_cluster", attribute: "preferred_maintenance_window", kind: "weekly", minMinutes: 30 },
  { type: "aws_neptune_cluster", attribute: "preferred_backup_window", kind: "daily", minMinutes: 30 },
  { type: "aws_neptune_cluster_instance", attribute: "preferred_maintenance_window", kind: "weekly", minMinutes: 30 },
  { type: "aws_neptune_cluster_instance", attribute: "preferred_backup_window", kind: "daily", minMinutes: 30 },
  { type: "aws_redshift_cluster", attribute: "preferred_maintenance_window", kind: "weekly", minMinutes: 30 },
  { type: "aws_dms_replication_instance", attribute: "preferred_maintenance_window", kind: "weekly", minMinutes: 30 },
  // ElastiCache / MemoryDB: "The minimum maintenance window is a 60 minute period"; "Snapshot window must be at least 60 minutes".
  { type: "aws_elasticache_cluster", attribute: "maintenance_window", kind: "weekly", minMinutes: 60 },
  { type: "aws_elasticache_cluster", attribute: "snapshot_window", kind: "daily", minMinutes: 60 },
  { type: "aws_elasticache_replication_group", attribute: "maintenance_window", kind: "weekly", minMinutes: 60 },
  { type: "aws_elasticache_replication_group", attribute: "snapshot_window", kind: "daily", minMinutes: 60 },
  { type: "aws_memorydb_cluster", attribute: "maintenance_window", kind: "weekly", minMinutes: 60 },
  { type: "aws_memorydb_cluster", attribute: "snapshot_window", kind: "daily", minMinutes: 60 },
  { type: "aws_dax_cluster", attribute: "maintenance_window", kind: "weekly", minMinutes: 0 },
  // Start times rather than windows.
  { type: "aws_elasticache_serverless_cache", attribute: "daily_snapshot_time", kind: "hh:mm", minMinutes: 0 },
  ...["aws_fsx_lustre_file_system", "aws_fsx_windows_file_system", "aws_fsx_ontap_file_system", "aws_fsx_openzfs_file_system"].flatMap((type) => [
    { type, attribute: "weekly_maintenance_start_time", kind: "fsx-weekly" as const, minMinutes: 0 },
    { type, attribute: "daily_automatic_backup_start_time", kind: "hh:mm" as const, minMinutes: 0 },
  ]),
];

/** Pairs AWS refuses to overlap: a weekly maintenance window and a daily backup/snapshot window. */
export interface WindowPair {
  readonly type: string;
  readonly maintenance: string;
  readonly backup: string;
  /** Where the backup window lives when not on the resource (Aurora instances: their cluster). */
  readonly backupFrom?: { readonly reference: string; readonly type: string; readonly attribute: string };
  readonly error: string;
}

export const WINDOW_PAIRS: readonly WindowPair[] = [
  {
    type: "aws_db_instance",
    maintenance: "maintenance_window",
    backup: "backup_window",
    error: "InvalidParameterCombination: the backup window and maintenance window must not overlap",
  },
  {
    type: "aws_rds_cluster",
    maintenance: "preferred_maintenance_window",
    backup: "preferred_backup_window",
    error: "InvalidParameterCombination: the backup window and maintenance window must not overlap",
  },
  {
    type: "aws_rds_cluster_instance",
    maintenance: "preferred_maintenance_window",
    backup: "preferred_backup_window",
    backupFrom: { reference: "cluster_identifier", type: "aws_rds_cluster", attribute: "preferred_backup_window" },
    error: "InvalidParameterCombination: the instance's maintenance window must not overlap the cluster's backup window",
  },
  {
    type: "aws_docdb_cluster",
    maintenance: "preferred_maintenance_window",
    backup: "preferred_backup_window",
    error: "InvalidParameterValue: the backup window and maintenance window must not overlap",
  },
  {
    type: "aws_neptune_cluster",
    maintenance: "preferred_maintenance_window",
    backup: "preferred_backup_window",
    error: "InvalidParameterValue: the backup window and maintenance window must not overlap",
  },
  {
    type: "aws_elasticache_cluster",
    maintenance: "maintenance_window",
    backup: "snapshot_window",
    error: "InvalidParameterValue: The snapshot window and maintenance window must not overlap.",
  },
  {
    type: "aws_elasticache_replication_group",
    maintenance: "maintenance_window",
    backup: "snapshot_window",
    error: "InvalidParameterValue: The snapshot window and maintenance window must not overlap.",
  },
];

const TIME = "([01][0-9]|2[0-3]):([0-5][0-9])";
const DAY = "(sun|mon|tue|wed|thu|fri|sat)";
export const FORMATS: Readonly<Record<WindowKind, { re: RegExp; text: string }>> = {
  weekly: { re: new RegExp(`^${DAY}:${TIME}-${DAY}:${TIME}$`, "i"), text: "ddd:hh24:mi-ddd:hh24:mi (e.g. sun:04:30-sun:05:30)" },
  daily: { re: new RegExp(`^${TIME}-${TIME}$`), text: "hh24:mi-hh24:mi (e.g. 03:00-04:00)" },
  "fsx-weekly": { re: new RegExp(`^[1-7]:${TIME}$`), text: "d:HH:MM with d 1-7 (Monday = 1, e.g. 7:04:00)" },
  "hh:mm": { re: new RegExp(`^${TIME}$`), text: "HH:MM (e.g. 03:00)" },
};

const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const WEEK = 7 * 24 * 60;
const DAY_MINUTES = 24 * 60;

/** [start, end) in minutes of the week (weekly) or of the day (daily); end may be past the wrap. */
export function parseWindow(value: string, kind: "weekly" | "daily"): { start: number; length: number } | undefined {
  const m = FORMATS[kind].re.exec(value);
  if (!m) return undefined;
  if (kind === "daily") {
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    return { start, length: (end - start + DAY_MINUTES) % DAY_MINUTES };
  }
  const at = (d: string, h: string, mi: string) => DAYS.indexOf(d.toLowerCase()) * DAY_MINUTES + Number(h) * 60 + Number(mi);
  const start = at(m[1]!, m[2]!, m[3]!);
  const end = at(m[4]!, m[5]!, m[6]!);
  return { start, length: (end - start + WEEK) % WEEK };
}

/** Does a weekly window meet a daily window on any day of the week? */
export function overlaps(weekly: { start: number; length: number }, daily: { start: number; length: number }): boolean {
  const intervals = (start: number, length: number, period: number) => [
    [start, start + length],
    [start - period, start - period + length],
    [start + period, start + period + length],
  ];
  for (let day = 0; day < 7; day++) {
    for (const [a, b] of intervals(weekly.start, weekly.length, WEEK)) {
      const ds = day * DAY_MINUTES + daily.start;
      for (const [c, d] of intervals(ds, daily.length, WEEK)) if (a! < d! && c! < b!) return true;
    }
  }
  return false;
}

/** The literal string at a dotted path, or undefined (unset, not a string, or a reference). */
export function literalAt(values: JsonObject, path: string): string | undefined {
  let v: unknown = values;
  for (const key of path.split(".")) {
    if (Array.isArray(v)) v = v[0];
    v = v && typeof v === "object" ? (v as JsonObject)[key] : undefined;
  }
  return typeof v === "string" && v !== "" && !v.includes("${") ? v : undefined;
}

export const windowTypes = [...new Set(WINDOW_ATTRIBUTES.map((w) => w.type))];

export function attributesOf(subject: Located): readonly WindowAttribute[] {
  return WINDOW_ATTRIBUTES.filter((w) => w.type === subject.resource.type);
}
