import type { PolicyRule } from "../types";
import { finding, isTrue } from "./helpers";
import { RDS_DATABASES } from "./rds";

/** A stray `destroy` must not take the data with it, and if it does, a final snapshot remains. */
export const rdsDeletionProtection: PolicyRule = {
  id: "INF-RDS-004",
  title: "RDS has deletion protection and takes a final snapshot",
  mirrors: ["CKV_AWS_293", "CKV_AWS_139", "AwsSolutions-RDS10"],
  catalogue: [9],
  resourceTypes: RDS_DATABASES,
  severity: "high",
  check(db) {
    const out = isTrue(db.values["deletion_protection"]) ? [] : [finding("deletion_protection", db.values["deletion_protection"], "true")];
    // A read replica has no final snapshot of its own (its data lives on the source).
    const replica = db.values["replicate_source_db"] !== undefined;
    if (!replica && isTrue(db.values["skip_final_snapshot"])) out.push(finding("skip_final_snapshot", db.values["skip_final_snapshot"], "false"));
    return out;
  },
};
