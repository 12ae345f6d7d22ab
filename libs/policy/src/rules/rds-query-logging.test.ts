import { ruleCases } from "../rule-cases";
import { rdsQueryLogging as rule } from "./rds-query-logging";

ruleCases(rule, "INF-RDS-012 PostgreSQL query logging", {
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
