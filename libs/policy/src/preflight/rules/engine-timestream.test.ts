import { describe, expect, it } from "vitest";
import { preflightFailures, preflightStatuses } from "../test-harness";
import { engineVersionPins, pinnedBelowUpgrades } from "./engine-version";
import { timestreamLiveAnalytics } from "./timestream";

describe("PRE-VER-001 engine version pins", () => {
  it("Compliance: a major pin, auto upgrades off, ignore_changes, and Aurora MySQL with instances that do not upgrade pass", () => {
    const tf = {
      aws_db_instance: {
        major: { engine: "postgres", engine_version: "16", auto_minor_version_upgrade: true },
        off: { engine: "postgres", engine_version: "16.4", auto_minor_version_upgrade: false },
        mysql: { engine: "mysql", engine_version: "8.0" },
      },
      aws_rds_cluster: {
        ignored: { engine: "aurora-postgresql", engine_version: "16.6", lifecycle: { ignore_changes: ["engine_version"] } },
        mysql: { engine: "aurora-mysql", engine_version: "8.0.mysql_aurora.3.05.2" },
      },
      aws_rds_cluster_instance: { m1: { cluster_identifier: "${aws_rds_cluster.mysql.id}", auto_minor_version_upgrade: false } },
    };
    expect(Object.values(preflightStatuses(engineVersionPins, tf))).toEqual(["passed", "passed", "passed", "passed", "passed"]);
  });

  it("Noncompliance: a minor pin with upgrades on (explicit, default, or through the cluster's instances) fails", () => {
    const tf = {
      aws_db_instance: { db: { engine: "postgres", engine_version: "16.4", auto_minor_version_upgrade: true } },
      aws_rds_cluster: { aurora: { engine: "aurora-postgresql", engine_version: "15.10" } },
      aws_rds_cluster_instance: { one: { cluster_identifier: "${aws_rds_cluster.aurora.id}" } },
    };
    expect(preflightFailures(engineVersionPins, tf)).toEqual([
      {
        rule: "PRE-VER-001",
        address: "test/aws_db_instance.db",
        attribute: "engine_version",
        found: "16.4 (postgres) with automatic minor upgrades on (auto_minor_version_upgrade)",
        expected:
          "the level AWS upgrades within (16) where the API accepts it, or auto_minor_version_upgrade = false, or lifecycle.ignore_changes = [engine_version]",
      },
      {
        rule: "PRE-VER-001",
        address: "test/aws_rds_cluster.aurora",
        attribute: "engine_version",
        found: "15.10 (aurora-postgresql) with automatic minor upgrades on (aws_rds_cluster_instance.one.auto_minor_version_upgrade)",
        expected:
          "the level AWS upgrades within (15) where the API accepts it, or auto_minor_version_upgrade = false, or lifecycle.ignore_changes = [engine_version]",
      },
    ]);
  });

  it("knows each engine's upgrade level", () => {
    expect([
      pinnedBelowUpgrades("postgres", "9.6"),
      pinnedBelowUpgrades("postgres", "9.6.24"),
      pinnedBelowUpgrades("mariadb", "10.11.6"),
      pinnedBelowUpgrades("redis", "7.1"),
    ]).toEqual([false, true, true, false]);
  });
});

describe("PRE-TS-001 Timestream for LiveAnalytics", () => {
  it("Compliance: a store a new account can create (Timestream for InfluxDB) is not this rule's concern", () =>
    expect(preflightStatuses(timestreamLiveAnalytics, { aws_timestreaminfluxdb_db_instance: { tsdb: { name: "metrics" } } })).toEqual({}));
  it("Noncompliance: a LiveAnalytics database and table fail", () =>
    expect(
      preflightFailures(timestreamLiveAnalytics, {
        aws_timestreamwrite_database: { db: { database_name: "flights" } },
        aws_timestreamwrite_table: { t: { database_name: "flights", table_name: "positions" } },
      }).map((f) => f.address),
    ).toEqual(["test/aws_timestreamwrite_database.db", "test/aws_timestreamwrite_table.t"]));
});
