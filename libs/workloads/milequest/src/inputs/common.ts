import { z } from "zod";

/** Shared zod pieces of Mile Quest's module schemas (plain data: no cdktf). */

export const name = z.string().regex(/^[a-z][a-z0-9-]*[a-z0-9]$/, { message: "must be lower-case kebab-case, e.g. prod-us-east-1-milequest" });
export const domainName = z
  .string()
  .regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { message: "must be a lower-case DNS name like mile-quest.com" });
export const countryCode = z.string().regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166 alpha-2 country code like "KP"' });
/** A CloudWatch Logs retention value: the config layer's one check. */
export { logRetentionDays as logRetention } from "@infra/config";
export const region = z.string().regex(/^[a-z]{2}-[a-z]+-\d$/, { message: 'must be an AWS region like "us-west-2"' });
export const email = z.email();

/** Active or standby: a DR region's copy of a stack idles until failover. */
export const role = z.enum(["primary", "standby"]);
export type StackRole = z.infer<typeof role>;
