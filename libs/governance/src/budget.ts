import { BudgetsBudget, type BudgetsBudgetCostFilter } from "@cdktf/provider-aws/lib/budgets-budget";
import { declarePublisher, markLibrary } from "@infra/core";
import { Construct } from "constructs";

export interface BudgetNotificationProps {
  /** Percentage of the limit, e.g. 80. */
  readonly thresholdPercent: number;
  /** ACTUAL spend so far, or the FORECASTED spend of the period. */
  readonly type: "ACTUAL" | "FORECASTED";
}

export interface BudgetCostFilters {
  /** Cost allocation tags (activated in Billing) and their values, e.g. { Project: ["mile-quest"] }. */
  readonly tags?: Readonly<Record<string, readonly string[]>>;
  /** AWS service names as Cost Explorer spells them, e.g. "Amazon Relational Database Service". */
  readonly services?: readonly string[];
  /** e.g. ["us-east-1"]. */
  readonly regions?: readonly string[];
  /** Member account ids (in an organization's payer account). */
  readonly linkedAccounts?: readonly string[];
}

export interface BudgetProps {
  /** Budget name, unique in the account, e.g. "prod-mile-quest-monthly". */
  readonly name: string;
  /** Limit in USD per period. */
  readonly limitUsd: number;
  /** @default "MONTHLY" */
  readonly timeUnit?: "MONTHLY" | "QUARTERLY" | "ANNUALLY";
  /** @default 80 % and 100 % ACTUAL, 100 % FORECASTED */
  readonly notifications?: readonly BudgetNotificationProps[];
  /** Email subscribers of every notification (AWS allows 10). @default [] */
  readonly emails?: readonly string[];
  /** SNS topic subscribed to every notification (AWS allows 1; its policy must let budgets.amazonaws.com publish). @default none */
  readonly snsTopicArn?: string;
  /** @default the whole account */
  readonly costFilters?: BudgetCostFilters;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

export const DEFAULT_BUDGET_NOTIFICATIONS: readonly BudgetNotificationProps[] = [
  { thresholdPercent: 80, type: "ACTUAL" },
  { thresholdPercent: 100, type: "ACTUAL" },
  { thresholdPercent: 100, type: "FORECASTED" },
];

/** Cost filters in the form the Budgets API takes ("TagKeyValue" values are `user:<key>$<value>`). */
export function renderCostFilters(f: BudgetCostFilters | undefined): BudgetsBudgetCostFilter[] {
  if (f === undefined) return [];
  const out: BudgetsBudgetCostFilter[] = [];
  const tagValues = Object.entries(f.tags ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([key, values]) => values.map((v) => `user:${key}$${v}`));
  if (tagValues.length > 0) out.push({ name: "TagKeyValue", values: tagValues });
  if (f.services?.length) out.push({ name: "Service", values: [...f.services] });
  if (f.regions?.length) out.push({ name: "Region", values: [...f.regions] });
  if (f.linkedAccounts?.length) out.push({ name: "LinkedAccount", values: [...f.linkedAccounts] });
  return out;
}

/** A cost budget with notifications on actual and forecasted spend (seed 002, 003: "budgets"). */
export class Budget extends Construct {
  readonly budgetName: string;
  readonly budgetArn: string;

  constructor(scope: Construct, id: string, props: BudgetProps) {
    super(scope, id);
    markLibrary(this, "governance");
    const where = `Budget ${props.name}`;
    const notifications = props.notifications ?? DEFAULT_BUDGET_NOTIFICATIONS;
    const emails = props.emails ?? [];
    if (!(props.limitUsd > 0)) throw new RangeError(`${where}: limitUsd must be > 0, got ${props.limitUsd}`);
    if (emails.length === 0 && props.snsTopicArn === undefined) throw new RangeError(`${where}: give emails and/or snsTopicArn, or nobody hears the alerts`);
    if (emails.length > 10) throw new RangeError(`${where}: AWS allows 10 email subscribers per notification, got ${emails.length}`);
    if (notifications.length === 0 || notifications.length > 5)
      throw new RangeError(`${where}: AWS allows 1-5 notifications per budget, got ${notifications.length}`);
    const seen = new Set<string>();
    for (const n of notifications) {
      if (!(n.thresholdPercent > 0)) throw new RangeError(`${where}: notification threshold ${n.thresholdPercent} must be > 0 %`);
      const key = `${n.type}:${n.thresholdPercent}`;
      if (seen.has(key)) throw new RangeError(`${where}: notification ${n.type} at ${n.thresholdPercent} % is listed twice`);
      seen.add(key);
    }

    const budget = new BudgetsBudget(this, "budget", {
      name: props.name,
      budgetType: "COST",
      limitAmount: String(props.limitUsd),
      limitUnit: "USD",
      timeUnit: props.timeUnit ?? "MONTHLY",
      costFilter: renderCostFilters(props.costFilters),
      notification: notifications.map((n) => ({
        comparisonOperator: "GREATER_THAN",
        notificationType: n.type,
        threshold: n.thresholdPercent,
        thresholdType: "PERCENTAGE",
        subscriberEmailAddresses: emails.length > 0 ? [...emails] : undefined,
        subscriberSnsTopicArns: props.snsTopicArn !== undefined ? [props.snsTopicArn] : undefined,
      })),
      tags: { ...props.tags, Name: props.name },
    });
    this.budgetName = budget.name;
    this.budgetArn = budget.arn;
    // AWS Budgets publishes as its own service principal: an alert topic of this app lets it in
    // (topic policy and CMK); a topic made elsewhere must allow budgets.amazonaws.com itself.
    declarePublisher(this, props.snsTopicArn, "budgets.amazonaws.com");
  }
}
