import { describe, expect, it } from "vitest";
import { EnvFixture, preflightFailures, preflightStatuses } from "../test-harness";
import { managedPasswordReplicas as rule } from "./rds-managed-password-replicas";

describe("PRE-RDS-001 replicas of RDS-managed-password sources", () => {
  it("Compliance: a replica of a source with a stack-managed secret (same stack and cross-region) and a SQL Server replica pass", () => {
    const e = new EnvFixture({
      primary: {
        resource: {
          aws_db_instance: {
            db: {
              identifier: "app",
              engine: "postgres",
              master_user_secret_kms_key_id: "k",
              password: "${aws_secretsmanager_secret_version.db.secret_string}",
            },
            replica: { identifier: "app-replica", replicate_source_db: "${aws_db_instance.db.identifier}" },
            mssql: { identifier: "mssql", engine: "sqlserver-se", manage_master_user_password: true },
            mssqlReplica: { replicate_source_db: "${aws_db_instance.mssql.identifier}" },
          },
        },
      },
      dr: { region: "us-west-2" },
    });
    const arn = e.ref("primary", "dr", "aws_db_instance.db.arn");
    e.add("dr", { region: "us-west-2", resource: { aws_db_instance: { replica: { replicate_source_db: arn } } } });
    expect(preflightStatuses(rule, e)).toEqual({
      "primary/aws_db_instance.replica": "passed",
      "primary/aws_db_instance.mssqlReplica": "passed",
      "dr/aws_db_instance.replica": "passed",
    });
  });

  it("Noncompliance: same-stack and cross-region replicas of a managed-password source, and a managed global member, fail", () => {
    const e = new EnvFixture({
      primary: {
        resource: {
          aws_db_instance: {
            db: { identifier: "app", engine: "postgres", manage_master_user_password: true },
            replica: { replicate_source_db: "${aws_db_instance.db.identifier}" },
          },
          aws_rds_global_cluster: { g: { global_cluster_identifier: "g", engine: "aurora-postgresql" } },
          aws_rds_cluster: {
            member: { cluster_identifier: "m", global_cluster_identifier: "${aws_rds_global_cluster.g.id}", manage_master_user_password: true },
          },
        },
      },
      dr: { region: "us-west-2" },
    });
    const arn = e.ref("primary", "dr", "aws_db_instance.db.arn");
    e.add("dr", { region: "us-west-2", resource: { aws_db_instance: { replica: { replicate_source_db: arn } } } });
    expect(preflightFailures(rule, e).map((f) => [f.address, f.attribute, f.found])).toEqual([
      ["primary/aws_db_instance.replica", "replicate_source_db", "primary/aws_db_instance.db (manage_master_user_password = true, engine postgres)"],
      ["primary/aws_rds_cluster.member", "manage_master_user_password", "true on a member of a global database"],
      ["dr/aws_db_instance.replica", "replicate_source_db", "primary/aws_db_instance.db (manage_master_user_password = true, engine postgres)"],
    ]);
  });
});
