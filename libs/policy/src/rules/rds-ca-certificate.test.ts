import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { clone, compliantDatabases } from "./fixtures";
import { rdsCaCertificate as rule } from "./rds-ca-certificate";

describe("INF-RDS-008 CA certificate", () => {
  it("Compliance: a current CA, or the default, passes", () => {
    expect(statuses(rule, compliantDatabases())).toEqual({
      "aws_db_instance.db": "passed",
      "aws_rds_cluster_instance.one": "passed",
      "aws_rds_cluster_instance.two": "passed",
    });
  });

  it("Noncompliance: the retired rds-ca-2019 fails", () => {
    const tf = clone(compliantDatabases());
    tf["aws_db_instance"]!["db"]!["ca_cert_identifier"] = "rds-ca-2019";
    expect(failures(rule, tf)).toEqual([
      {
        rule: "INF-RDS-008",
        address: "aws_db_instance.db",
        attribute: "ca_cert_identifier",
        found: "rds-ca-2019",
        expected: "one of rds-ca-rsa2048-g1, rds-ca-rsa4096-g1, rds-ca-ecc384-g1",
      },
    ]);
  });
});
