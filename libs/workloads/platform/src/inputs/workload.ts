import { z } from "zod";
import { githubRepository } from "./ci-access";

/** The platform workload's own config (env.ts `workloads.platform`). */
export const platformConfig = z
  .object({
    /** Public DNS zone of the platform, e.g. "prod.platform.example.com". */
    domain: z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, { message: "must be a DNS name like app.example.com" }),
    /** The GitHub repository (`org/repo`) whose workflows plan and apply this env (security/ci-access). */
    githubRepository,
  })
  .strict();
export type PlatformConfig = z.infer<typeof platformConfig>;
