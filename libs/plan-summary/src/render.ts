import { fenceFor, shareBudget, truncate } from "./fit";
import type { PlanSummary } from "./types";

/** GitHub rejects issue and PR comment bodies longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface StackPlan {
  stack: string;
  summary: PlanSummary;
  /** Full plan text (`terraform show -no-color`, or {@link renderPlanText}); folded under the table. */
  planText?: string;
}

export interface RenderOptions {
  /** "plan" for PR comments (default), "drift" for drift issues: changes the title, marker and columns. */
  mode?: "plan" | "drift";
  /** Link to the workflow run that produced the plans (and holds them as artifacts). */
  runUrl?: string;
  /** Commit the plans were made for. */
  commitSha?: string;
  /** Upper bound for the body length; defaults to {@link GITHUB_COMMENT_LIMIT}. */
  maxLength?: number;
  /**
   * Markdown sections shown after the table and before the plans (e.g. the cost difference and the
   * policy summary). They are never shortened: plans give way first.
   */
  sections?: readonly string[];
}

/** Hidden marker that identifies the one comment (or issue) per env and mode, e.g. `<!-- plan:dev -->`. */
export function planCommentMarker(env: string, mode: "plan" | "drift" = "plan"): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(env)) throw new Error(`invalid env name "${env}"`);
  return `<!-- ${mode}:${env} -->`;
}

function status(s: PlanSummary): string {
  if (s.errored) return "❌ errored";
  if (s.destroys || s.replaces) return "⚠️ destroys";
  return s.hasChanges ? "📝 changes" : "✅ no changes";
}

function counts(s: PlanSummary): string {
  return `+${s.adds} ~${s.changes} -/+${s.replaces} -${s.destroys}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

function table(stacks: readonly StackPlan[], drift: boolean): string[] {
  const head = ["Stack", "Add", "Change", "Replace", "Destroy", "Import", "Move", "Outputs", ...(drift ? ["Drifted"] : []), "Status"];
  const rows = stacks.map(({ stack, summary: s }) => {
    const values = [s.adds, s.changes, s.replaces, s.destroys, s.imports, s.moved, s.outputChanges, ...(drift ? [s.drifted] : [])];
    return `| \`${cell(stack)}\` | ${values.join(" | ")} | ${status(s)} |`;
  });
  return [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 || i === head.length - 1 ? "---" : "--:")).join("|")}|`, ...rows];
}

function totalsLine(env: string, stacks: readonly StackPlan[], drift: boolean): string {
  const sum = (pick: (s: PlanSummary) => number) => stacks.reduce((n, { summary }) => n + pick(summary), 0);
  const changed = stacks.filter((s) => s.summary.hasChanges || s.summary.errored).length;
  const what = drift ? "differ from their configuration" : "change";
  return (
    `**${env}**: ${changed} of ${stacks.length} stack${stacks.length === 1 ? "" : "s"} ${what}: ` +
    `${sum((s) => s.adds)} to add, ${sum((s) => s.changes)} to change, ${sum((s) => s.replaces)} to replace, ${sum((s) => s.destroys)} to destroy.`
  );
}

/** Stacks planned on placeholders: which, and what that means for apply. Empty when none. */
function placeholderNote(stacks: readonly StackPlan[]): string[] {
  const on = stacks.filter((s) => s.summary.placeholders?.length);
  if (on.length === 0) return [];
  const shown = 5;
  const list = (reads: readonly string[]) => reads.slice(0, shown).map(cell).join(", ") + (reads.length > shown ? ` and ${reads.length - shown} more` : "");
  return [
    "",
    "> [!NOTE]",
    `> ${on.length} stack${on.length === 1 ? " is" : "s are"} planned on placeholder values (marked \`placeholder\`/\`00000000\`): ` +
      "they read outputs of stacks that are not applied yet. Applying them is refused until those stacks are applied; deploy applies in dependency order.",
    ...on.map((s) => `> - \`${cell(s.stack)}\`: ${list(s.summary.placeholders!)}`),
  ];
}

function detailsBlock(stack: StackPlan, text: string): string {
  const fence = fenceFor(text);
  return [`<details><summary><code>${stack.stack}</code>: ${counts(stack.summary)}</summary>`, "", fence, text, fence, "", "</details>", ""].join("\n");
}

/**
 * The markdown body of the one PR comment (or drift issue) for an env: hidden marker, totals,
 * per-stack table, and each changed stack's full plan folded in `<details>`. Plans are shortened
 * so the body stays within `maxLength` (GitHub's 65,536-character limit by default), with a note.
 */
export function renderPlanComment(env: string, stacks: readonly StackPlan[], options: RenderOptions = {}): string {
  const mode = options.mode ?? "plan";
  const drift = mode === "drift";
  const limit = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const destroying = stacks.some((s) => s.summary.destroys || s.summary.replaces);
  const errored = stacks.filter((s) => s.summary.errored).map((s) => `\`${s.stack}\``);
  const head = [
    planCommentMarker(env, mode),
    drift ? `## Drift detected: \`${env}\`` : `## Terraform plan: \`${env}\``,
    "",
    stacks.length ? totalsLine(env, stacks, drift) : `**${env}**: no stacks were planned.`,
    ...(destroying ? ["", "> [!WARNING]", "> This plan destroys or replaces resources. Read the plans below before approving."] : []),
    ...(errored.length ? ["", "> [!CAUTION]", `> Planning errored for ${errored.join(", ")}: the plan is incomplete.`] : []),
    ...(drift ? [] : placeholderNote(stacks)),
    "",
    ...(stacks.length ? [...table(stacks, drift), ""] : []),
    ...(options.sections ?? []).flatMap((section) => [section.trimEnd(), ""]),
  ].join("\n");
  const footerParts = [options.commitSha ? `commit \`${options.commitSha.slice(0, 12)}\`` : "", options.runUrl ? `[workflow run](${options.runUrl})` : ""];
  const footer = `<sub>${["Generated by plan-summary", ...footerParts.filter(Boolean)].join(" · ")}</sub>\n`;

  const withText = stacks.filter((s) => s.planText !== undefined && (s.summary.hasChanges || s.summary.errored || drift));
  const shells = withText.map((s) => detailsBlock(s, "").length);
  const truncNote = `> [!NOTE]\n> Some plans were truncated to fit GitHub's ${limit.toLocaleString("en-US")}-character limit; the complete plans are in the workflow run's artifacts.\n\n`;
  const fixed = head.length + footer.length + shells.reduce((a, b) => a + b + 8, 0);
  const texts = withText.map((s) => s.planText ?? "");
  const fits = fixed + texts.reduce((a, t) => a + t.length, 0) <= limit;
  const budget = fits ? Infinity : limit - fixed - truncNote.length;
  const shares = fits
    ? texts.map((t) => t.length)
    : shareBudget(
        texts.map((t) => t.length),
        budget,
      );
  const blocks = withText.map((s, i) => detailsBlock(s, truncate(texts[i]!, shares[i]!)));
  const body = `${head}${fits ? "" : truncNote}${blocks.join("\n")}${footer}`;
  return body.length <= limit ? body : `${body.slice(0, limit - 40)}\n\n… (comment cut at ${limit} characters)`;
}
