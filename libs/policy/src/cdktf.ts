import { Annotations, type TerraformStack } from "cdktf";
import { evaluate } from "./evaluate";
import { formatViolation } from "./format";
import type { PolicyReport } from "./report";
import type { PolicyRule, TerraformJson } from "./types";
import { describeWaiver, type Waiver } from "./waivers";

export interface PolicyPackOptions {
  /** The env's waivers (from config). */
  waivers: Waiver[];
  /** Evaluation date, YYYY-MM-DD (inject it: synth stays deterministic). */
  today: string;
  /** Receives each stack's report (e.g. to print `formatReport` once per env). */
  onReport?: (report: PolicyReport) => void;
  /** `enforce` (default): failures fail synth. `report`: they become warnings. */
  mode?: "enforce" | "report";
  /** Defaults to every rule of the pack. */
  rules?: readonly PolicyRule[];
}

/**
 * Run the policy pack on a stack at synth time. It is a construct validation, not an Aspect:
 * rules need the whole stack as Terraform will see it (references between resources), and
 * cdktf runs validations after all Aspects and cross-stack wiring, just before writing the JSON,
 * so `stack.toTerraform()` here returns exactly what is synthesized.
 */
export function attachPolicyPack(stack: TerraformStack, options: PolicyPackOptions): void {
  stack.node.addValidation({
    validate: () => {
      const report = evaluate(stack.toTerraform() as TerraformJson, {
        stack: stack.node.id,
        today: options.today,
        waivers: options.waivers,
        ...(options.rules ? { rules: options.rules } : {}),
      });
      options.onReport?.(report);
      const messages = [
        ...report.results.filter((r) => r.status === "failed").map(formatViolation),
        ...report.invalidWaivers.map((i) => `invalid waiver ${describeWaiver(i.waiver)}: ${i.problems.join("; ")}`),
      ];
      if (options.mode === "report") {
        for (const message of messages) Annotations.of(stack).addWarning(message);
        return [];
      }
      return messages.map((m) => `policy violation\n${m}`);
    },
  });
}
