import { SecretRotationFailureAlarm } from "@infra/monitoring";
import type { DatabaseInstance } from "@infra/rds";
import type { Construct } from "constructs";

/**
 * ADR 0150: when our function rotates the database's master secret (mode `rotated-secret`, so `masterSecret` exists),
 * a failed rotation reaches `topicArn`; an RDS-managed secret or a replica gets nothing. The rule is named
 * `<name>-db-rotation-failed`, in the stack that owns the topic and depends on the database's.
 */
export function masterRotationFailureAlarm(scope: Construct, name: string, database: DatabaseInstance, topicArn: string): void {
  if (!database.masterSecret) return;
  new SecretRotationFailureAlarm(scope, "db-rotation-failed", { name: `${name}-db-rotation-failed`, secretArns: [database.masterSecret.secretArn], topicArn });
}
