import { ruleCases } from "../rule-cases";
import { compliantDatabases } from "./fixtures";
import { rdsCaCertificate as rule } from "./rds-ca-certificate";

ruleCases(rule, "INF-RDS-008 CA certificate", {
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
