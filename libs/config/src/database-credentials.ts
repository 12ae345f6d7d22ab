import { z } from "zod";
import { dependencyOf } from "./checks";
import type { CheckIssue } from "./define";
import { REGION_NAMES } from "./regions";
import type { ResolvedDeployment, ResolvedEnv } from "./resolve";

/**
 * How a database primary keeps its master password (docs/adr/0011-database-credentials.md):
 * `rds-managed` (RDS owns and rotates the secret; RDS refuses read replicas of such a source) or
 * `rotated-secret` (a secret the stack fills with a generated password at creation, rotated by
 * AWS's rotation function every `rotationDays`). Shared by the workloads' RDS input schemas.
 */
export const masterCredentialsInput = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("rds-managed") }).strict(),
  z
    .object({
      mode: z.literal("rotated-secret"),
      /** Days between rotations (policy: credentials live at most 90 days). */
      rotationDays: z.number().int().min(1).max(90),
      /**
       * Replicate the secret (Secrets Manager replica) to these regions, each encrypted with the workload's
       * data key there: a DR region's promoted replica logs in with the same credentials. @default none
       */
      replicaRegions: z
        .array(z.enum(REGION_NAMES as [string, ...string[]]))
        .refine((r) => new Set(r).size === r.length, { message: "must not list a region twice" })
        .optional(),
    })
    .strict(),
]);
export type MasterCredentialsInput = z.infer<typeof masterCredentialsInput>;

/** What to say when replicas meet an RDS-managed password (the RDS error, and the fix in config). */
export const REPLICAS_NEED_ROTATED_SECRET =
  'RDS refuses read replicas of an instance whose master password it manages ("Creating read replicas for source instance ... where ManageMasterUserPassword is enabled is not supported"): set masterCredentials: { mode: "rotated-secret", rotationDays: 30 } on the primary';

/**
 * A module check for a cross-region replica deployment: its `primary` dependency (the source) must
 * keep its master password in a rotated secret. The issue points at the replica's file, naming the
 * source and where to change it.
 */
export function replicaSourceCredentialIssues(self: ResolvedDeployment, env: ResolvedEnv, dependency = "primary"): CheckIssue[] {
  const inputs = self.inputs as { replicaOfPrimary?: boolean };
  if (!inputs.replicaOfPrimary) return [];
  const source = dependencyOf(self, env, dependency);
  const mode = (source?.inputs as { masterCredentials?: MasterCredentialsInput } | undefined)?.masterCredentials?.mode;
  if (!source || mode !== "rds-managed") return [];
  return [
    {
      path: `dependencies.${dependency}`,
      value: source.id,
      allowed: `the source ${source.id} has masterCredentials.mode "rds-managed". ${REPLICAS_NEED_ROTATED_SECRET}`,
    },
  ];
}
