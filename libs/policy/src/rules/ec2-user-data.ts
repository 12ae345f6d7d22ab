import type { Finding, PolicyRule } from "../types";
import { ACCESS_KEY, finding } from "./helpers";
import { INSTANCE_TYPES } from "./ec2";

// `password=...`, `export DB_TOKEN="..."`: a literal, not a $VARIABLE or a lookup.
const ASSIGNED_SECRET = /(password|passwd|secret|token|api[_-]?key)\w*\s*[=:]\s*["']?(?![$"'{])[^\s"']{6,}/i;

function decoded(value: string): string {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(value) || value.length % 4 !== 0) return value;
  return Buffer.from(value, "base64").toString("utf8");
}

/** User data is readable by anyone who can describe the instance: it must not carry credentials. */
export const ec2UserData: PolicyRule = {
  id: "INF-EC2-003",
  title: "No secrets in instance or launch template user data",
  mirrors: ["CKV_AWS_46"],
  catalogue: [63],
  resourceTypes: INSTANCE_TYPES,
  severity: "critical",
  check(resource) {
    const out: Finding[] = [];
    for (const key of ["user_data", "user_data_base64"]) {
      const raw = resource.values[key];
      if (typeof raw !== "string") continue;
      // Launch templates and user_data_base64 hold base64; instances plain text.
      const text = key === "user_data" && resource.type === "aws_instance" ? raw : decoded(raw);
      if (ACCESS_KEY.test(text) || /aws_secret_access_key/i.test(text) || ASSIGNED_SECRET.test(text)) {
        out.push(finding(key, "a literal credential", "secrets fetched at boot from Secrets Manager / SSM with the instance role"));
      }
    }
    return out;
  },
};
