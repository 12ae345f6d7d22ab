import { SEED_COST_BASELINE, budgetInputs } from "@infra/milequest-inputs";
import { type Ctx, milequestModule } from "../common";

/** Seed 003 "Cost Controls: AWS Budgets, Cost Alarms", with the seed's cost figures as the baseline. Amounts per env in the deployments. */
export const budget = milequestModule("ops/budget", {
  schema: budgetInputs,
  defaults: (ctx: Ctx) => ({
    name: `${ctx.env.name}-milequest`,
    monthlyLimitUsd: 100,
    actualThresholdsPercent: [50, 80, 100],
    emails: [...new Set([...ctx.settings.alarmEmails, ...ctx.workload.alertEmails])].slice(0, 10),
    projectTag: "mile-quest",
    baseline: structuredClone(SEED_COST_BASELINE) as unknown as typeof SEED_COST_BASELINE,
  }),
});
