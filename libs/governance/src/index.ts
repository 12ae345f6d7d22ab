export { Budget, DEFAULT_BUDGET_NOTIFICATIONS, renderCostFilters, type BudgetCostFilters, type BudgetNotificationProps, type BudgetProps } from "./budget";
export { ConfigRecorder, type ConfigRecorderProps } from "./config-recorder";
export { BASELINE_MANAGED_RULES, renderInputParameters, ruleName, type ManagedRule } from "./managed-rules";
export { ServiceLinkedRoles, type ServiceLinkedRolesProps } from "./service-linked-roles";
