export { Budget, DEFAULT_BUDGET_NOTIFICATIONS, renderCostFilters, type BudgetCostFilters, type BudgetNotificationProps, type BudgetProps } from "./budget";
export { ConfigRecorder, type ConfigRecorderProps } from "./config-recorder";
export { BASELINE_MANAGED_RULES, renderInputParameters, ruleName, type ManagedRule } from "./managed-rules";
export { ServiceLinkedRoles, type ServiceLinkedRolesProps } from "./service-linked-roles";
export { AuditTrail, type AuditTrailProps } from "./audit-trail";
export { type HumanAccess, HumanRoles, type HumanRoleSpec, type HumanRolesProps, MANAGED_POLICY_OF_ACCESS, type ProtectedAudit } from "./human-roles";
