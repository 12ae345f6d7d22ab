import { describe, expect, it } from "vitest";
import { preflightFailures, preflightStatuses } from "../test-harness";
import { windowFormat } from "./window-format";
import { windowOverlap } from "./window-overlap";
import { overlaps, parseWindow } from "./windows";

// Values from the provider documentation's examples and AWS API references.
const compliant = {
  aws_db_instance: { db: { engine: "postgres", maintenance_window: "Mon:00:00-Mon:03:00", backup_window: "09:46-10:16" } },
  aws_rds_cluster: { aurora: { engine: "aurora-postgresql", preferred_backup_window: "07:00-09:00", preferred_maintenance_window: "wed:04:00-wed:04:30" } },
  aws_rds_cluster_instance: { one: { cluster_identifier: "${aws_rds_cluster.aurora.id}", preferred_maintenance_window: "sat:23:30-sun:00:30" } },
  aws_elasticache_replication_group: { redis: { maintenance_window: "sun:05:00-sun:06:00", snapshot_window: "03:00-04:00" } },
  aws_elasticache_serverless_cache: { serverless: { daily_snapshot_time: "09:00" } },
  aws_fsx_lustre_file_system: { fs: { weekly_maintenance_start_time: "7:04:00", daily_automatic_backup_start_time: "03:00" } },
};

describe("PRE-WIN-001 window formats", () => {
  it("Compliance: weekly, daily and start-time formats from the provider docs pass", () => {
    expect(Object.values(preflightStatuses(windowFormat, compliant))).toEqual(["passed", "passed", "passed", "passed", "passed", "passed"]);
  });

  it("Noncompliance: a weekly window without its second day, and a daily window with a day, fail", () => {
    const tf = {
      aws_rds_cluster: { aurora: { preferred_maintenance_window: "sun:04:30-05:30", preferred_backup_window: "sun:03:00-04:00" } },
      aws_elasticache_replication_group: { redis: { maintenance_window: "sun:05:00-06:00", snapshot_window: "03:00-04:00" } },
    };
    expect(preflightFailures(windowFormat, tf)).toEqual([
      {
        rule: "PRE-WIN-001",
        address: "test/aws_rds_cluster.aurora",
        attribute: "preferred_maintenance_window",
        found: "sun:04:30-05:30",
        expected: "ddd:hh24:mi-ddd:hh24:mi (e.g. sun:04:30-sun:05:30)",
      },
      {
        rule: "PRE-WIN-001",
        address: "test/aws_rds_cluster.aurora",
        attribute: "preferred_backup_window",
        found: "sun:03:00-04:00",
        expected: "hh24:mi-hh24:mi (e.g. 03:00-04:00)",
      },
      {
        rule: "PRE-WIN-001",
        address: "test/aws_elasticache_replication_group.redis",
        attribute: "maintenance_window",
        found: "sun:05:00-06:00",
        expected: "ddd:hh24:mi-ddd:hh24:mi (e.g. sun:04:30-sun:05:30)",
      },
    ]);
  });

  it("skips windows held in references (known only at apply)", () => {
    expect(preflightStatuses(windowFormat, { aws_db_instance: { db: { maintenance_window: "${var.window}" } } })).toEqual({});
  });
});

describe("PRE-WIN-002 window length and overlap", () => {
  it("Compliance: documented windows that do not meet, including one across midnight, pass", () => {
    expect(Object.values(preflightStatuses(windowOverlap, compliant))).toEqual(["passed", "passed", "passed", "passed"]);
  });

  it("Noncompliance: overlap (also across midnight and with the cluster's backup window) and a 15-minute window fail", () => {
    const tf = {
      aws_db_instance: { db: { maintenance_window: "sun:03:30-sun:04:30", backup_window: "03:00-04:00" } },
      aws_rds_cluster: { aurora: { preferred_backup_window: "00:00-00:45", preferred_maintenance_window: "tue:04:00-tue:04:15" } },
      aws_rds_cluster_instance: { one: { cluster_identifier: "${aws_rds_cluster.aurora.id}", preferred_maintenance_window: "sat:23:30-sun:00:30" } },
      aws_elasticache_replication_group: { redis: { maintenance_window: "sun:05:00-sun:06:00", snapshot_window: "05:30-06:30" } },
    };
    expect(preflightFailures(windowOverlap, tf)).toEqual([
      {
        rule: "PRE-WIN-002",
        address: "test/aws_db_instance.db",
        attribute: "maintenance_window",
        found: "sun:03:30-sun:04:30",
        expected: "no overlap with backup_window = 03:00-04:00",
      },
      {
        rule: "PRE-WIN-002",
        address: "test/aws_rds_cluster.aurora",
        attribute: "preferred_maintenance_window",
        found: "tue:04:00-tue:04:15 (15 minutes)",
        expected: "at least 30 minutes",
      },
      {
        rule: "PRE-WIN-002",
        address: "test/aws_rds_cluster_instance.one",
        attribute: "preferred_maintenance_window",
        found: "sat:23:30-sun:00:30",
        expected: "no overlap with aws_rds_cluster.aurora.preferred_backup_window = 00:00-00:45",
      },
      {
        rule: "PRE-WIN-002",
        address: "test/aws_elasticache_replication_group.redis",
        attribute: "maintenance_window",
        found: "sun:05:00-sun:06:00",
        expected: "no overlap with snapshot_window = 05:30-06:30",
      },
    ]);
  });

  it("computes overlap on minutes of the week, wrapping Saturday to Sunday", () => {
    expect(overlaps(parseWindow("sat:23:30-sun:00:30", "weekly")!, parseWindow("00:10-00:40", "daily")!)).toBe(true);
    expect(overlaps(parseWindow("sat:23:30-sun:00:30", "weekly")!, parseWindow("01:00-02:00", "daily")!)).toBe(false);
    expect(overlaps(parseWindow("mon:01:00-mon:02:00", "weekly")!, parseWindow("23:30-01:30", "daily")!)).toBe(true);
  });
});
