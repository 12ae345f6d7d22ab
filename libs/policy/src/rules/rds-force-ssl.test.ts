import { ruleCases } from "../rule-cases";
import { rdsForceSsl as rule } from "./rds-force-ssl";

ruleCases(rule, "INF-RDS-007 force TLS", {
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
