import type { PolicyRule } from "../types";
import { finding } from "./helpers";
import { RDS_INSTANCES } from "./rds";

export const CURRENT_CAS = ["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"];

/**
 * Clients verify the server against a CA that is not about to expire. Unset is accepted: since
 * 2024 RDS gives new instances rds-ca-rsa2048-g1 by default.
 */
export const rdsCaCertificate: PolicyRule = {
  id: "INF-RDS-008",
  title: "RDS instances use a current CA (rds-ca-rsa2048-g1, rsa4096-g1 or ecc384-g1)",
  mirrors: ["CKV_AWS_211"],
  catalogue: [12],
  resourceTypes: RDS_INSTANCES,
  severity: "medium",
  check(db) {
    const ca = db.values["ca_cert_identifier"];
    return ca === undefined || CURRENT_CAS.includes(ca as string) ? [] : [finding("ca_cert_identifier", ca, `one of ${CURRENT_CAS.join(", ")}`)];
  },
};
