import { validateAction, validateWorkflow, type ValidationError } from "@action-validator/core";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ACTIONS_DIR, actionFiles, workflowFiles, workflowText } from "./workflows";

/**
 * Schema validation with action-validator (SchemaStore's github-workflow / github-action JSON
 * schemas compiled to WASM, plus its own checks such as unresolved `needs`).
 */
function flatten(errors: readonly ValidationError[]): string[] {
  return errors.flatMap((e) => [
    "path" in e ? `${e.path}: ${e.title}${e.detail ? ` (${e.detail})` : ""}` : `${e.title}: ${e.detail}`,
    ...("states" in e && e.states ? e.states.flatMap((state) => flatten(state.errors)) : []),
  ]);
}

function quietly<T>(fn: () => T): T {
  // The validator warns on stderr that it cannot check path globs; that is expected.
  const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  try {
    return fn();
  } finally {
    warn.mockRestore();
  }
}

describe("workflow schema (action-validator)", () => {
  it.each(workflowFiles())("%s is a valid workflow", (file) => {
    expect(flatten(quietly(() => validateWorkflow(workflowText(file))).errors)).toEqual([]);
  });

  it.each(actionFiles())("%s is a valid action", (file) => {
    expect(flatten(validateAction(readFileSync(join(ACTIONS_DIR, file), "utf8")).errors)).toEqual([]);
  });

  it.each([
    [
      "a typo'd key",
      "runs-on: ubuntu-latest",
      "runs_on: ubuntu-latest",
      "/jobs/validate: Property conditions are not met (Additional property 'runs_on' is not allowed)",
    ],
    ["a permission level that does not exist", "id-token: write", "id-token: admin", "/jobs/plan-dev/permissions/id-token: Enum conditions are not met"],
    ["a needs on a missing job", "needs: [plan-prod, prod-manager-approval]", "needs: [plan-prod, qa]", "/jobs/prod/needs: Unresolved job (unresolved job qa)"],
    [
      "an environment of the wrong type",
      "environment: prod\n",
      "environment: [prod]\n",
      "/jobs/prod/environment: Type of the value is wrong (The value must be string)",
    ],
  ])("catches %s", (_what, from, to, message) => {
    const broken = workflowText("deploy.yml").replace(from, to);
    expect(broken).not.toBe(workflowText("deploy.yml"));
    expect(flatten(quietly(() => validateWorkflow(broken)).errors)).toContain(message);
  });
});
