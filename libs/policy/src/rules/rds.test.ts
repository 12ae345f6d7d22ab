/** RDS and Aurora rules (INF-RDS-*): one ruleCases table per rule, in the order of rules/index.ts. */
import { ruleCases } from "../rule-cases";
import { compliantDatabases } from "./fixtures";
import { CMK } from "./helpers";
import { rdsBackupRetention } from "./rds-backup-retention";
import { rdsCaCertificate } from "./rds-ca-certificate";
import { rdsDeletionProtection } from "./rds-deletion-protection";
import { rdsForceSsl } from "./rds-force-ssl";
import { rdsIamAuth } from "./rds-iam-auth";
import { rdsLogExports } from "./rds-log-exports";
import { rdsMaintenance } from "./rds-maintenance";
import { rdsManagedPassword } from "./rds-managed-password";
import { rdsMonitoring } from "./rds-monitoring";
import { rdsMultiAz } from "./rds-multi-az";
import { rdsNotPublic } from "./rds-not-public";
import { rdsQueryLogging } from "./rds-query-logging";
import { rdsStorageEncryption } from "./rds-storage-encryption";

ruleCases(rdsStorageEncryption, "INF-RDS-001 storage encryption", {
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

const subnets = {
  attribute: "aws_db_subnet_group.private.subnet_ids",
  found: "aws_subnet.b",
  expected: "private subnets only (map_public_ip_on_launch false)",
};

ruleCases(rdsNotPublic, "INF-RDS-002 not public", {
  fixture: compliantDatabases,
  compliant: {
    name: "private instances (and Aurora instances through their cluster) pass",
    statuses: {
      "aws_db_instance.db": "passed",
      "aws_rds_cluster_instance.one": "passed",
      "aws_rds_cluster_instance.two": "passed",
    },
  },
  noncompliant: [
    {
      name: "a public endpoint and a subnet group with a public subnet fail",
      mutate: (tf) => {
        tf["aws_db_instance"]!["db"]!["publicly_accessible"] = true;
        tf["aws_subnet"]!["b"]!["map_public_ip_on_launch"] = true;
      },
      failures: [
        { address: "aws_db_instance.db", attribute: "publicly_accessible", found: "true", expected: "false" },
        { ...subnets, address: "aws_db_instance.db" },
        { ...subnets, address: "aws_rds_cluster_instance.one" },
        { ...subnets, address: "aws_rds_cluster_instance.two" },
      ],
    },
  ],
});

ruleCases(rdsBackupRetention, "INF-RDS-003 backup retention", {
  fixture: compliantDatabases,
  compliant: {
    name: "7 and 14 days pass; a read replica is not checked",
    mutate: (tf) => {
      tf["aws_db_instance"]!["replica"] = { replicate_source_db: "${aws_db_instance.db.identifier}" };
    },
    statuses: { "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" },
  },
  noncompliant: [
    {
      name: "1 day and an implicit default fail",
      mutate: (tf) => {
        tf["aws_db_instance"]!["db"]!["backup_retention_period"] = 1;
        delete tf["aws_rds_cluster"]!["aurora"]!["backup_retention_period"];
      },
      failures: [
        { address: "aws_db_instance.db", attribute: "backup_retention_period", found: "1", expected: ">= 7 (days, explicit)" },
        { address: "aws_rds_cluster.aurora", attribute: "backup_retention_period", found: "unset", expected: ">= 7 (days, explicit)" },
      ],
    },
  ],
});

ruleCases(rdsDeletionProtection, "INF-RDS-004 deletion protection", {
  fixture: compliantDatabases,
  compliant: {
    name: "protected databases pass, including a replica that skips the final snapshot",
    mutate: (tf) => {
      tf["aws_db_instance"]!["replica"] = { replicate_source_db: "${aws_db_instance.db.arn}", deletion_protection: true, skip_final_snapshot: true };
    },
    statuses: { "aws_db_instance.db": "passed", "aws_db_instance.replica": "passed", "aws_rds_cluster.aurora": "passed" },
  },
  noncompliant: [
    {
      name: "no protection and skipping the final snapshot fail",
      mutate: (tf) => {
        delete tf["aws_db_instance"]!["db"]!["deletion_protection"];
        tf["aws_rds_cluster"]!["aurora"]!["skip_final_snapshot"] = true;
      },
      failures: [
        { address: "aws_db_instance.db", attribute: "deletion_protection", found: "unset", expected: "true" },
        { address: "aws_rds_cluster.aurora", attribute: "skip_final_snapshot", found: "true", expected: "false" },
      ],
    },
  ],
});

ruleCases(rdsMultiAz, "INF-RDS-005 multi-AZ", {
  fixture: compliantDatabases,
  compliant: {
    name: "a Multi-AZ instance and an Aurora cluster with instances in two AZs pass",
    statuses: { "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" },
  },
  noncompliant: [
    {
      name: "a single-AZ instance, and Aurora instances pinned to one AZ, fail",
      mutate: (tf) => {
        tf["aws_db_instance"]!["db"]!["multi_az"] = false;
        tf["aws_rds_cluster_instance"]!["two"]!["availability_zone"] = "us-east-1a";
      },
      failures: [
        { address: "aws_db_instance.db", attribute: "multi_az", found: "false", expected: "true" },
        {
          address: "aws_rds_cluster.aurora",
          attribute: "aws_rds_cluster_instance.availability_zone",
          found: "us-east-1a, us-east-1a",
          expected: "a different AZ per instance",
        },
      ],
    },
    {
      name: "an Aurora cluster with one instance fails",
      mutate: (tf) => {
        delete tf["aws_rds_cluster_instance"]!["two"];
      },
      failures: [
        {
          address: "aws_rds_cluster.aurora",
          attribute: "aws_rds_cluster_instance",
          found: "1 instance(s)",
          expected: ">= 2 instances in different AZs",
        },
      ],
    },
  ],
});

ruleCases(rdsIamAuth, "INF-RDS-006 IAM auth", {
  fixture: compliantDatabases,
  compliant: {
    name: "IAM auth on passes; SQL Server is not applicable",
    mutate: (tf) => {
      tf["aws_db_instance"]!["mssql"] = { engine: "sqlserver-se" };
    },
    statuses: { "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" },
  },
  noncompliant: [
    {
      name: "IAM auth off fails",
      mutate: (tf) => {
        tf["aws_rds_cluster"]!["aurora"]!["iam_database_authentication_enabled"] = false;
      },
      failures: [{ address: "aws_rds_cluster.aurora", attribute: "iam_database_authentication_enabled", found: "false", expected: "true" }],
    },
  ],
});

ruleCases(rdsForceSsl, "INF-RDS-007 force TLS", {
  compliant: {
    name: "postgres with rds.force_ssl=1 and mysql with require_secure_transport=ON pass; other families are not checked",
    input: () => ({
      aws_db_parameter_group: {
        pg: { family: "postgres16", parameter: [{ name: "rds.force_ssl", value: "1" }] },
        my: { family: "mysql8.0", parameter: [{ name: "require_secure_transport", value: "ON" }] },
        ora: { family: "oracle-ee-19" },
      },
    }),
    statuses: { "aws_db_parameter_group.pg": "passed", "aws_db_parameter_group.my": "passed" },
  },
  noncompliant: [
    {
      name: "force_ssl 0 on Aurora PostgreSQL and no setting on Aurora MySQL fail",
      input: () => ({
        aws_rds_cluster_parameter_group: {
          apg: { family: "aurora-postgresql16", parameter: [{ name: "rds.force_ssl", value: "0" }] },
          amy: { family: "aurora-mysql8.0", parameter: [] },
        },
      }),
      failures: [
        { address: "aws_rds_cluster_parameter_group.apg", attribute: "parameter[rds.force_ssl]", found: "0", expected: "1" },
        { address: "aws_rds_cluster_parameter_group.amy", attribute: "parameter[require_secure_transport]", found: "unset", expected: "1" },
      ],
    },
  ],
});

ruleCases(rdsCaCertificate, "INF-RDS-008 CA certificate", {
  fixture: compliantDatabases,
  compliant: {
    name: "a current CA, or the default, passes",
    statuses: {
      "aws_db_instance.db": "passed",
      "aws_rds_cluster_instance.one": "passed",
      "aws_rds_cluster_instance.two": "passed",
    },
  },
  noncompliant: [
    {
      name: "the retired rds-ca-2019 fails",
      mutate: (tf) => {
        tf["aws_db_instance"]!["db"]!["ca_cert_identifier"] = "rds-ca-2019";
      },
      failures: [
        {
          address: "aws_db_instance.db",
          attribute: "ca_cert_identifier",
          found: "rds-ca-2019",
          expected: "one of rds-ca-rsa2048-g1, rds-ca-rsa4096-g1, rds-ca-ecc384-g1",
        },
      ],
    },
  ],
});

ruleCases(rdsMaintenance, "INF-RDS-009 minor upgrades and snapshot tags", {
  fixture: compliantDatabases,
  compliant: {
    name: "defaults for upgrades and copied tags pass",
    statuses: {
      "aws_db_instance.db": "passed",
      "aws_rds_cluster.aurora": "passed",
      "aws_rds_cluster_instance.one": "passed",
      "aws_rds_cluster_instance.two": "passed",
    },
  },
  noncompliant: [
    {
      name: "disabled minor upgrades and uncopied tags fail",
      mutate: (tf) => {
        tf["aws_db_instance"]!["db"]!["auto_minor_version_upgrade"] = false;
        tf["aws_rds_cluster_instance"]!["one"]!["auto_minor_version_upgrade"] = false;
        delete tf["aws_rds_cluster"]!["aurora"]!["copy_tags_to_snapshot"];
      },
      failures: [
        { address: "aws_db_instance.db", attribute: "auto_minor_version_upgrade", found: "false", expected: "true (or unset)" },
        { address: "aws_rds_cluster.aurora", attribute: "copy_tags_to_snapshot", found: "unset", expected: "true" },
        { address: "aws_rds_cluster_instance.one", attribute: "auto_minor_version_upgrade", found: "false", expected: "true (or unset)" },
      ],
    },
  ],
});

ruleCases(rdsMonitoring, "INF-RDS-010 monitoring", {
  fixture: compliantDatabases,
  compliant: {
    name: "enhanced monitoring with a role and encrypted Performance Insights pass",
    statuses: {
      "aws_db_instance.db": "passed",
      "aws_rds_cluster_instance.one": "passed",
      "aws_rds_cluster_instance.two": "passed",
    },
  },
  noncompliant: [
    {
      name: "an invalid interval, a missing role and PI without CMK fail",
      mutate: (tf) => {
        tf["aws_db_instance"]!["db"]!["monitoring_interval"] = 0;
        tf["aws_db_instance"]!["db"]!["performance_insights_enabled"] = false;
        delete tf["aws_rds_cluster_instance"]!["one"]!["monitoring_role_arn"];
        delete tf["aws_rds_cluster_instance"]!["one"]!["performance_insights_kms_key_id"];
      },
      failures: [
        { address: "aws_db_instance.db", attribute: "monitoring_interval", found: "0", expected: "one of 1, 5, 10, 15, 30, 60" },
        { address: "aws_db_instance.db", attribute: "performance_insights_enabled", found: "false", expected: "true" },
        {
          address: "aws_rds_cluster_instance.one",
          attribute: "monitoring_role_arn",
          found: "unset",
          expected: "the enhanced monitoring role",
        },
        { address: "aws_rds_cluster_instance.one", attribute: "performance_insights_kms_key_id", found: "unset", expected: CMK },
      ],
    },
  ],
});

ruleCases(rdsLogExports, "INF-RDS-011 log exports", {
  fixture: compliantDatabases,
  compliant: { name: "exported postgresql logs pass", statuses: { "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" } },
  noncompliant: [
    {
      name: "an empty export list fails",
      mutate: (tf) => {
        tf["aws_rds_cluster"]!["aurora"]!["enabled_cloudwatch_logs_exports"] = [];
      },
      failures: [
        {
          address: "aws_rds_cluster.aurora",
          attribute: "enabled_cloudwatch_logs_exports",
          found: "[]",
          expected: "a non-empty list (e.g. postgresql)",
        },
      ],
    },
  ],
});

ruleCases(rdsQueryLogging, "INF-RDS-012 PostgreSQL query logging", {
  compliant: {
    name: "log_statement ddl and a duration threshold pass; MySQL is not checked",
    input: () => ({
      aws_rds_cluster_parameter_group: {
        apg: {
          family: "aurora-postgresql16",
          parameter: [
            { name: "log_statement", value: "ddl" },
            { name: "log_min_duration_statement", value: 1000 },
          ],
        },
        amy: { family: "aurora-mysql8.0" },
      },
    }),
    statuses: { "aws_rds_cluster_parameter_group.apg": "passed" },
  },
  noncompliant: [
    {
      name: "log_statement none and no duration threshold fail",
      input: () => ({ aws_db_parameter_group: { pg: { family: "postgres16", parameter: [{ name: "log_statement", value: "none" }] } } }),
      failures: [
        { address: "aws_db_parameter_group.pg", attribute: "parameter[log_statement]", found: "none", expected: "ddl, mod or all" },
        {
          address: "aws_db_parameter_group.pg",
          attribute: "parameter[log_min_duration_statement]",
          found: "unset",
          expected: "a threshold in ms (not -1)",
        },
      ],
    },
  ],
});

ruleCases(rdsManagedPassword, "INF-RDS-013 managed master password", {
  fixture: compliantDatabases,
  compliant: [
    { name: "RDS-managed passwords pass", statuses: { "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" } },
    {
      name: "a write-only password with its version passes (nothing in state)",
      mutate: (tf) => {
        delete tf["aws_db_instance"]!["db"]!["manage_master_user_password"];
        tf["aws_db_instance"]!["db"]!["password_wo"] = "${jsondecode(ephemeral.aws_secretsmanager_secret_version.stored.secret_string).password}";
        tf["aws_db_instance"]!["db"]!["password_wo_version"] = 1;
      },
      statuses: { "aws_db_instance.db": "passed", "aws_rds_cluster.aurora": "passed" },
    },
  ],
  noncompliant: [
    {
      name: "a literal password, no managed password, and a write-only password without its version fail",
      mutate: (tf) => {
        tf["aws_db_instance"]!["db"]!["password"] = "hunter2";
        delete tf["aws_rds_cluster"]!["aurora"]!["manage_master_user_password"];
        tf["aws_rds_cluster"]!["aurora"]!["master_password_wo"] = "${var.p}";
      },
      failures: [
        {
          address: "aws_db_instance.db",
          attribute: "password",
          found: "(set)",
          expected: "unset, with manage_master_user_password = true or password_wo",
        },
        {
          address: "aws_rds_cluster.aurora",
          attribute: "manage_master_user_password",
          found: "unset",
          expected: "true, or master_password_wo with master_password_wo_version",
        },
      ],
    },
  ],
});
