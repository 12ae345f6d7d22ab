/** The preflight registry: every rule of the family. A new rule is added here and nowhere else. */
import type { PreflightRule } from "../types";
import { ciRoleServices } from "./ci-role-services";
import { dependsOnReferences } from "./depends-on";
import { engineVersionPins } from "./engine-version";
import { kmsKeyUsers } from "./kms-key-users";
import { logBucketPolicies } from "./log-bucket-policy";
import { namePatterns } from "./names";
import { principalsExist } from "./principals-exist";
import { managedPasswordReplicas } from "./rds-managed-password-replicas";
import { reservedConcurrency } from "./reserved-concurrency";
import { secretReads } from "./secret-reads";
import { oneOwnerSingletons } from "./singletons";
import { timestreamLiveAnalytics } from "./timestream";
import { windowFormat } from "./window-format";
import { zoneDelegation } from "./zone-delegation";
import { windowOverlap } from "./window-overlap";

export const preflightRules: readonly PreflightRule[] = [
  dependsOnReferences,
  windowFormat,
  windowOverlap,
  namePatterns,
  engineVersionPins,
  timestreamLiveAnalytics,
  kmsKeyUsers,
  principalsExist,
  logBucketPolicies,
  secretReads,
  managedPasswordReplicas,
  reservedConcurrency,
  oneOwnerSingletons,
  zoneDelegation,
  ciRoleServices,
];

export function preflightRuleById(id: string): PreflightRule | undefined {
  return preflightRules.find((r) => r.id === id);
}
