import { finding, isFalse } from "../../rules/helpers";
import type { JsonObject } from "../../types";
import type { EnvIndex, Located, PreflightRule } from "../types";

/**
 * Is `version` more precise than what AWS upgrades within? RDS PostgreSQL 10+ upgrades minors of
 * a major (`16` → 16.x), MySQL/MariaDB of `8.0`/`10.11`, Aurora MySQL and Neptune carry the full
 * release; Amazon MQ 5.18+/3.13+ takes `major.minor` and patches itself.
 */
export function pinnedBelowUpgrades(engine: string, version: string): boolean {
  const parts = version.split(".");
  const major = Number.parseInt(parts[0] ?? "", 10);
  if (/^(aurora-)?postgres(ql)?$/.test(engine)) return major >= 10 ? parts.length > 1 : parts.length > 2;
  if (/^(mysql|mariadb|aurora-mysql|aurora|neptune|activemq|rabbitmq)$/i.test(engine)) return parts.length > 2;
  return false;
}

function ignoresEngineVersion(values: JsonObject): boolean {
  const lifecycle = values["lifecycle"] as JsonObject | undefined;
  const ignore = lifecycle?.["ignore_changes"];
  return ignore === "all" || (Array.isArray(ignore) && ignore.some((x) => x === "engine_version" || x === "all"));
}

/** Members that upgrade a cluster's engine: its instances' auto_minor_version_upgrade (default true). */
function autoUpgrades(subject: Located, env: EnvIndex): { on: boolean; where: string } {
  const { resource } = subject;
  switch (resource.type) {
    case "aws_db_instance":
    case "aws_mq_broker":
      return {
        on:
          resource.type === "aws_mq_broker" ? resource.values["auto_minor_version_upgrade"] === true : !isFalse(resource.values["auto_minor_version_upgrade"]),
        where: "auto_minor_version_upgrade",
      };
    case "aws_rds_cluster":
    case "aws_neptune_cluster": {
      if (!isFalse(resource.values["auto_minor_version_upgrade"]) && resource.values["auto_minor_version_upgrade"] !== undefined)
        return { on: true, where: "auto_minor_version_upgrade" };
      const instanceType = resource.type === "aws_rds_cluster" ? "aws_rds_cluster_instance" : "aws_neptune_cluster_instance";
      const instances = env.referencing(subject, instanceType, "cluster_identifier");
      const upgrading = instances.filter((i) => !isFalse(i.resource.values["auto_minor_version_upgrade"]));
      return instances.length === 0 || upgrading.length > 0
        ? {
            on: true,
            where: upgrading[0] ? `${upgrading[0].resource.address}.auto_minor_version_upgrade` : "the instances' auto_minor_version_upgrade (default true)",
          }
        : { on: false, where: "" };
    }
    case "aws_rds_global_cluster": {
      const members = env.referencing(subject, "aws_rds_cluster", "global_cluster_identifier");
      return { on: members.length === 0 || members.some((m) => autoUpgrades(m, env).on), where: "its member clusters' instances (auto_minor_version_upgrade)" };
    }
  }
  return { on: false, where: "" };
}

function engineOf(subject: Located): string | undefined {
  const v = subject.resource.values;
  const engine = v["engine"] ?? v["engine_type"] ?? (subject.resource.type === "aws_neptune_cluster" ? "neptune" : undefined);
  return typeof engine === "string" ? engine.toLowerCase() : subject.resource.type === "aws_neptune_cluster" ? "neptune" : undefined;
}

/**
 * An engine version pinned below the level AWS upgrades automatically: after the first automatic
 * minor upgrade the configured version is older than the running one, and every plan proposes a
 * downgrade that RDS refuses. ElastiCache (Redis OSS/Valkey 6+ take `major.minor`; AWS manages the
 * patch), OpenSearch and DocumentDB (no automatic engine upgrades that change engine_version) are
 * not affected.
 */
export const engineVersionPins: PreflightRule = {
  id: "PRE-VER-001",
  title: "Engine versions are not pinned below the level that auto minor version upgrade changes",
  consequence:
    'perpetual diff: once AWS applies an automatic minor upgrade, every plan proposes engine_version → the older pin (a downgrade RDS refuses: "InvalidParameterCombination: Cannot upgrade ... from 16.8 to 16.4")',
  severity: "medium",
  catalogue: [13],
  defects: [15],
  scope: "env",
  resourceTypes: ["aws_db_instance", "aws_rds_cluster", "aws_rds_global_cluster", "aws_neptune_cluster", "aws_mq_broker"],
  appliesTo: ({ resource }) => typeof resource.values["engine_version"] === "string" && !(resource.values["engine_version"] as string).includes("${"),
  check(subject, env) {
    const version = subject.resource.values["engine_version"] as string;
    const engine = engineOf(subject);
    if (!engine || !pinnedBelowUpgrades(engine, version) || ignoresEngineVersion(subject.resource.values)) return [];
    const upgrades = autoUpgrades(subject, env);
    if (!upgrades.on) return [];
    const major = version
      .split(".")
      .slice(0, /^(aurora-)?postgres/.test(engine) && Number.parseInt(version, 10) >= 10 ? 1 : 2)
      .join(".");
    return [
      finding(
        "engine_version",
        `${version} (${engine}) with automatic minor upgrades on (${upgrades.where})`,
        `the level AWS upgrades within (${major}) where the API accepts it, or auto_minor_version_upgrade = false, or lifecycle.ignore_changes = [engine_version]`,
      ),
    ];
  },
};
