import { z } from "zod";
import { name, region } from "./common";

/** milequest-security/kms: one key per purpose (seed 003 "KMS Keys → S3 Encryption, Aurora Encryption"). */
export const kmsInputs = z
  .object({
    name,
    deletionWindowDays: z.number().int().min(7).max(30),
    deletionProtection: z.boolean(),
  })
  .strict();
export type KmsInputs = z.infer<typeof kmsInputs>;

/** The external APIs of seed 003 whose credentials live in Secrets Manager (values set out of band). */
export const EXTERNAL_API_SECRETS = ["fitbit", "google-fit", "mapbox"] as const;
export type ExternalApi = (typeof EXTERNAL_API_SECRETS)[number];

/** milequest-security/secrets: containers only, never values. */
export const secretsInputs = z
  .object({
    /** Secret name prefix, e.g. "milequest/prod". */
    prefix: z.string().regex(/^[a-z0-9/-]+$/, { message: "must be lower-case letters, digits, - and /" }),
    recoveryWindowDays: z.number().int().min(7).max(30),
    deletionProtection: z.boolean(),
    /** Regions that get read replicas of every secret (DR); each needs a kms deployment there. */
    replicaRegions: z.array(region),
    /** A master password secret for an Aurora global database primary (RDS-managed passwords are not supported there). */
    auroraMasterPassword: z.boolean(),
  })
  .strict();
export type SecretsInputs = z.infer<typeof secretsInputs>;

/** milequest-security/cognito: the user pool (seed 003 "Cognito User Pools") and identity pool ("COG → IAM"). */
export const cognitoInputs = z
  .object({
    name,
    /** "ON" (TOTP required) is the secure default; "OPTIONAL" needs a waiver of INF-COG-002 with a reason. */
    mfa: z.enum(["ON", "OPTIONAL"]),
    passwordMinLength: z.number().int().min(8).max(99),
    /** Access/ID token lifetime in minutes (5..1440). */
    accessTokenMinutes: z.number().int().min(5).max(1440),
    refreshTokenDays: z.number().int().min(1).max(3650),
    deletionProtection: z.boolean(),
    /** Domains the hosted UI may redirect back to (web + admin apps). */
    callbackDomains: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type CognitoInputs = z.infer<typeof cognitoInputs>;
