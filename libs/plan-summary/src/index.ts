export type { ChangeKind, PlanSummary, ResourceChangeSummary, TerraformPlanJson } from "./types";
export { PlanFormatError, assertPlan, changeKind, parsePlanJson, summarizePlan } from "./summarize";
export { renderPlanText } from "./text";
export { GITHUB_COMMENT_LIMIT, planCommentMarker, renderPlanComment } from "./render";
export type { RenderOptions, StackPlan } from "./render";
export { loadPlanDir } from "./load";
