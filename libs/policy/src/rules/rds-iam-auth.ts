import { mustBeTrue, requirementRule } from "./requirements";
import { RDS_DATABASES } from "./rds";

// Engines RDS supports IAM database authentication for.
const IAM_ENGINES = /^(mysql|postgres|mariadb|aurora|aurora-mysql|aurora-postgresql)$/;

/** Short-lived IAM tokens instead of long-lived database passwords in app config. */
export const rdsIamAuth = requirementRule({
  id: "INF-RDS-006",
  title: "RDS IAM database authentication is enabled",
  mirrors: ["CKV_AWS_161", "CKV_AWS_162", "AwsSolutions-RDS6"],
  catalogue: [11],
  resourceTypes: RDS_DATABASES,
  severity: "medium",
  appliesTo: (db) => typeof db.values["engine"] !== "string" || IAM_ENGINES.test(db.values["engine"]),
  requires: [mustBeTrue("iam_database_authentication_enabled")],
});
