import { z } from "zod";

/** A CloudWatch Logs retention value (never "forever"): the config layer's one check. */
export { logRetentionDays as retentionDays } from "@infra/config";

/** A lower-case DNS name like "timeline.internal". */
export const dnsName = z.string().regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
  message: 'must be a lower-case DNS name like "prod.timeline.internal"',
});

/** Name prefix of a deployment's resources: "<env>-<region>-timeline". */
export const namePrefix = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, { message: "must be lower-case kebab-case" })
  .max(40);

/** TCP port. */
export const port = z.number().int().min(1).max(65535);
