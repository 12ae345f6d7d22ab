import { ruleCases } from "../rule-cases";
import { compliantDatabases } from "./fixtures";
import { CMK } from "./helpers";
import { rdsStorageEncryption as rule } from "./rds-storage-encryption";

ruleCases(rule, "INF-RDS-001 storage encryption", {
  fixture: compliantDatabases,
  compliant: { name: "encrypted instance and cluster with our key pass", statuses: { "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" } },
  noncompliant: [
    {
      name: "unencrypted storage and the AWS-managed key fail",
      mutate: (tf) => {
        tf["aws_db_instance"]!["db"]!["storage_encrypted"] = false;
        tf["aws_rds_cluster"]!["aurora"]!["kms_key_id"] = "arn:aws:kms:us-east-1:111111111111:alias/aws/rds";
      },
      failures: [
        { address: "aws_db_instance.db", attribute: "storage_encrypted", found: "false", expected: "true" },
        {
          address: "aws_rds_cluster.aurora",
          attribute: "kms_key_id",
          found: "arn:aws:kms:us-east-1:111111111111:alias/aws/rds",
          expected: CMK,
        },
      ],
    },
  ],
});
