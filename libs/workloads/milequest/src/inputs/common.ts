import { z } from "zod";

/** Shared zod pieces of Mile Quest's module schemas (plain data: no cdktf). */

export const name = z.string().regex(/^[a-z][a-z0-9-]*[a-z0-9]$/, { message: "must be lower-case kebab-case, e.g. prod-us-east-1-milequest" });
/** A public domain with certificates (never a reserved one, RFC 2606/6761): the config layer's one check. */
export { publicDomain as domainName } from "@infra/config";
export const countryCode = z.string().regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166 alpha-2 country code like "KP"' });
/** A CloudWatch Logs retention value: the config layer's one check. */
export { logRetentionDays as logRetention } from "@infra/config";
/** An AWS region this repo knows (its AZs are in the config layer's table): a typo is refused, not deployed. */
export { regionName as region } from "@infra/config";
export const email = z.email();

/** Active or standby: a DR region's copy of a stack idles until failover. */
export const role = z.enum(["primary", "standby"]);
export type StackRole = z.infer<typeof role>;
