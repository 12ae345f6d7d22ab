import { BudgetsBudget } from "@cdktf/provider-aws/lib/budgets-budget";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { Budget, type BudgetProps, renderCostFilters } from "./budget";

const BASE: BudgetProps = { name: "prod-mile-quest-monthly", limitUsd: 500, emails: ["ops@example.com"] };
const synth = (props: Partial<BudgetProps> = {}) =>
  Testing.synthScope((scope) => {
    new Budget(scope, "budget", { ...BASE, ...props });
  });

describe("Budget", () => {
  it("creates a monthly USD cost budget notifying at 80/100 % actual and 100 % forecasted", () => {
    const sub = { subscriber_email_addresses: ["ops@example.com"], comparison_operator: "GREATER_THAN", threshold_type: "PERCENTAGE" };
    expect(synth()).toHaveResourceWithProperties(BudgetsBudget, {
      name: "prod-mile-quest-monthly",
      budget_type: "COST",
      limit_amount: "500",
      limit_unit: "USD",
      time_unit: "MONTHLY",
      cost_filter: [],
      notification: [
        { ...sub, notification_type: "ACTUAL", threshold: 80 },
        { ...sub, notification_type: "ACTUAL", threshold: 100 },
        { ...sub, notification_type: "FORECASTED", threshold: 100 },
      ],
    });
  });

  it("filters by cost allocation tag and notifies an SNS topic", () => {
    const json = synth({
      emails: [],
      snsTopicArn: "arn:aws:sns:us-east-1:1:budget-alerts",
      notifications: [{ thresholdPercent: 90, type: "FORECASTED" }],
      costFilters: { tags: { Project: ["mile-quest"], CostAllocation: ["prod"] }, services: ["Amazon Relational Database Service"] },
    });
    expect(json).toHaveResourceWithProperties(BudgetsBudget, {
      cost_filter: [
        { name: "TagKeyValue", values: ["user:CostAllocation$prod", "user:Project$mile-quest"] },
        { name: "Service", values: ["Amazon Relational Database Service"] },
      ],
      notification: [
        {
          comparison_operator: "GREATER_THAN",
          notification_type: "FORECASTED",
          threshold: 90,
          threshold_type: "PERCENTAGE",
          subscriber_sns_topic_arns: ["arn:aws:sns:us-east-1:1:budget-alerts"],
        },
      ],
    });
    const budget = Object.values(JSON.parse(json).resource.aws_budgets_budget)[0] as Record<string, unknown>;
    expect((budget.notification as Record<string, unknown>[])[0]!.subscriber_email_addresses).toBeUndefined();
  });

  it("rejects budgets nobody hears about and malformed notifications", () => {
    expect(() => synth({ emails: [] })).toThrow("Budget prod-mile-quest-monthly: give emails and/or snsTopicArn");
    expect(() => synth({ limitUsd: 0 })).toThrow("limitUsd must be > 0, got 0");
    expect(() => synth({ notifications: [] })).toThrow("AWS allows 1-5 notifications per budget, got 0");
    expect(() =>
      synth({
        notifications: [
          { thresholdPercent: 80, type: "ACTUAL" },
          { thresholdPercent: 80, type: "ACTUAL" },
        ],
      }),
    ).toThrow("ACTUAL at 80 % is listed twice");
    expect(() => synth({ emails: Array.from({ length: 11 }, (_, i) => `a${i}@x.com`) })).toThrow("10 email subscribers");
  });

  it("renders filters deterministically and nothing without filters", () => {
    expect(renderCostFilters(undefined)).toEqual([]);
    expect(renderCostFilters({ regions: ["us-east-1"], linkedAccounts: ["111111111111"] })).toEqual([
      { name: "Region", values: ["us-east-1"] },
      { name: "LinkedAccount", values: ["111111111111"] },
    ]);
  });
});
