import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantDatabases } from "./fixtures";
import { CMK } from "./helpers";
import { rdsStorageEncryption as rule } from "./rds-storage-encryption";

describe("INF-RDS-001 storage encryption", () => {
  it("Compliance: encrypted instance and cluster with our key pass", () => {
    expect(statuses(rule, compliantDatabases())).toEqual({ "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" });
  });

  it("Noncompliance: unencrypted storage and the AWS-managed key fail", () => {
    const tf = clone(compliantDatabases());
    tf["aws_db_instance"]!["db"]!["storage_encrypted"] = false;
    tf["aws_rds_cluster"]!["aurora"]!["kms_key_id"] = "arn:aws:kms:us-east-1:111111111111:alias/aws/rds";
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-RDS-001", address: "aws_db_instance.db", attribute: "storage_encrypted", found: "false", expected: "true" },
      {
        rule: "INF-RDS-001",
        address: "aws_rds_cluster.aurora",
        attribute: "kms_key_id",
        found: "arn:aws:kms:us-east-1:111111111111:alias/aws/rds",
        expected: CMK,
      },
    ]);
  });
});
