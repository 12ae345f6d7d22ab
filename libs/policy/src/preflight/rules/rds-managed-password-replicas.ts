import { finding, get, isTrue } from "../../rules/helpers";
import { isUnknown } from "../env-index";
import type { EnvIndex, Finding, Located, PreflightRule } from "../types";

/** The database a replica names: by reference (any stack), or by literal identifier or ARN in the env. */
function sourceOf(env: EnvIndex, replica: Located, attribute: string, type: string, idAttribute: string): Located | undefined {
  const value = replica.resource.values[attribute];
  if (typeof value !== "string") return undefined;
  const target = env.resolve(replica.stack, value);
  if (target?.resource?.type === type) return { stack: target.stack, resource: target.resource };
  const rendered = target?.literal ?? (value.includes("${") ? undefined : value);
  const id = rendered?.split(":").at(-1);
  if (!id || isUnknown(id)) return undefined;
  return env.ofType(type).find((l) => l.stack.account === replica.stack.account && l.resource.values[idAttribute] === id);
}

const managed = (l: Located | undefined) => !!l && isTrue(l.resource.values["manage_master_user_password"]);
const where = (l: Located) => `${l.stack.name}/${l.resource.address}`;
const EXPECTED = "a source whose master password is not RDS-managed (e.g. a Secrets Manager secret the stack rotates), or no replica/global membership";

/**
 * RDS refuses replicas of a database whose master password RDS manages in Secrets Manager (every
 * engine but SQL Server), and Aurora refuses managed passwords on global database members and
 * cross-Region read replica clusters; Blue/Green deployments are refused too. Replica and source
 * are often in different stacks (a DR region): this rule follows the cross-stack reference.
 */
export const managedPasswordReplicas: PreflightRule = {
  id: "PRE-RDS-001",
  title: "No read replica, global database member or Blue/Green update of a database whose master password RDS manages",
  consequence:
    'CreateDBInstanceReadReplica fails: "InvalidParameterValue: Creating read replicas for source instance with engine postgres where ManageMasterUserPassword is enabled is not supported" (Aurora global/cross-Region: InvalidParameterCombination)',
  severity: "high",
  catalogue: [58],
  defects: [8],
  scope: "env",
  resourceTypes: ["aws_db_instance", "aws_rds_cluster", "aws_rds_global_cluster"],
  appliesTo: ({ resource: r }) =>
    r.values["replicate_source_db"] !== undefined ||
    r.values["replication_source_identifier"] !== undefined ||
    r.values["global_cluster_identifier"] !== undefined ||
    r.values["source_db_cluster_identifier"] !== undefined ||
    (r.type === "aws_db_instance" && isTrue(get(r.values, "blue_green_update.enabled"))),
  check(subject, env) {
    const r = subject.resource;
    const out: Finding[] = [];
    if (r.type === "aws_db_instance") {
      if (r.values["replicate_source_db"] !== undefined) {
        const source = sourceOf(env, subject, "replicate_source_db", "aws_db_instance", "identifier");
        const engine = String(source?.resource.values["engine"] ?? "");
        if (managed(source) && !engine.startsWith("sqlserver"))
          out.push(finding("replicate_source_db", `${where(source!)} (manage_master_user_password = true, engine ${engine || "unknown"})`, EXPECTED));
      }
      if (isTrue(get(r.values, "blue_green_update.enabled")) && managed(subject))
        out.push(
          finding("blue_green_update.enabled", "true with manage_master_user_password = true", "Blue/Green updates off, or a password RDS does not manage"),
        );
    }
    if (r.type === "aws_rds_cluster") {
      if (r.values["replication_source_identifier"] !== undefined) {
        const source = sourceOf(env, subject, "replication_source_identifier", "aws_rds_cluster", "cluster_identifier");
        if (managed(source)) out.push(finding("replication_source_identifier", `${where(source!)} (manage_master_user_password = true)`, EXPECTED));
      }
      if (r.values["global_cluster_identifier"] !== undefined && managed(subject))
        out.push(finding("manage_master_user_password", "true on a member of a global database", EXPECTED));
    }
    if (r.type === "aws_rds_global_cluster" && r.values["source_db_cluster_identifier"] !== undefined) {
      const source = sourceOf(env, subject, "source_db_cluster_identifier", "aws_rds_cluster", "cluster_identifier");
      if (managed(source)) out.push(finding("source_db_cluster_identifier", `${where(source!)} (manage_master_user_password = true)`, EXPECTED));
    }
    return out;
  },
};
