import { amplifyInputs } from "@infra/milequest-inputs";
import { type Ctx, milequestModule } from "../common";
import { dns } from "../edge/dns";
import { waf } from "../edge/waf";
import { cognito } from "../security/cognito";
import { secrets } from "../security/secrets";

/** Seed 003 "Amplify Hosting Next.js SSR" and "Amplify Admin Dashboard", built from the env's branch. */
export const amplify = milequestModule("web/amplify", {
  schema: amplifyInputs,
  dependencies: {
    secrets,
    cognito,
    waf,
    dns,
  },
  defaults: (ctx: Ctx) => ({
    name: `${ctx.env.name}-milequest`,
    repository: ctx.workload.repository,
    gitBranch: ctx.workload.gitBranch,
    branchStage: ctx.workload.branchStage,
    pullRequestPreviews: ctx.workload.pullRequestPreviews,
    web: { appRoot: "apps/web", domain: ctx.workload.domain, subDomainPrefix: "" },
    admin: { appRoot: "apps/admin", domain: `admin.${ctx.workload.domain}`, subDomainPrefix: "" },
  }),
});
