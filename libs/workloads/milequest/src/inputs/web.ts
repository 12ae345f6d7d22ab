import { z } from "zod";
import { domainName, name } from "./common";
import { branchStage } from "./workload";

const appInput = z
  .object({
    /** Folder of the app in the monorepo (Amplify monorepo app root). */
    appRoot: z.string().regex(/^[A-Za-z0-9._/-]+$/),
    /** Custom domain of the app. */
    domain: domainName,
    /** Sub-domain of that domain served by the env's branch ("" = the domain itself). */
    subDomainPrefix: z.string().regex(/^$|^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, { message: 'must be "" (the domain itself) or a DNS label' }),
  })
  .strict();

/** milequest-web/amplify: seed 003 "Amplify Hosting Next.js SSR" and "Amplify Admin Dashboard". */
export const amplifyInputs = z
  .object({
    name,
    repository: z.string().startsWith("https://"),
    gitBranch: z.string().min(1),
    branchStage,
    pullRequestPreviews: z.boolean(),
    web: appInput,
    admin: appInput,
  })
  .strict()
  .refine((v) => v.web.domain !== v.admin.domain, { path: ["admin", "domain"], message: "each Amplify app needs its own domain association" });
export type AmplifyInputs = z.infer<typeof amplifyInputs>;
