import { finding } from "../../rules/helpers";
import { isUnknown } from "../env-index";
import type { Finding, PreflightRule } from "../types";
import { NAME_PATTERNS, stringsAt } from "./name-patterns";

const TYPES = [...new Set(NAME_PATTERNS.map((p) => p.type))];

/**
 * Names and descriptions in the patterns and lengths the AWS API accepts (NAME_PATTERNS), plus the
 * FIFO suffix rule of SNS and SQS. Values synth cannot know (references) are not judged.
 */
export const namePatterns: PreflightRule = {
  id: "PRE-NAME-001",
  title: "Names and descriptions match the AWS API's patterns and lengths",
  consequence:
    'the create call fails with ValidationException / InvalidParameterValue (e.g. WAFv2 "WAFInvalidParameterException: Error reason: The parameter contains formatting that is not valid., field: DESCRIPTION"; EC2 "InvalidParameterValue: Character sets beyond ASCII are not supported")',
  severity: "high",
  catalogue: [4],
  defects: [7],
  scope: "stack",
  resourceTypes: TYPES,
  check({ resource, stack }, env) {
    const out: Finding[] = [];
    for (const p of NAME_PATTERNS.filter((x) => x.type === resource.type)) {
      for (const raw of stringsAt(resource.values, p.attribute)) {
        const value = raw.includes("${") ? env.render(stack, raw) : raw;
        if (isUnknown(value)) continue;
        const tooShort = p.min !== undefined && value.length < p.min;
        const tooLong = p.max !== undefined && value.length > p.max;
        const bad = p.pattern && !p.pattern.test(value);
        const forbidden = p.forbidden?.find((f) => f.test.test(value));
        if (tooShort || tooLong || bad) out.push(finding(p.attribute, tooLong ? `${value} (${value.length} characters)` : value, p.allowed));
        else if (forbidden) out.push(finding(p.attribute, value, `not ${forbidden.why}`));
      }
    }
    for (const [type, flag] of [
      ["aws_sqs_queue", "fifo_queue"],
      ["aws_sns_topic", "fifo_topic"],
    ] as const) {
      if (resource.type !== type) continue;
      const name = resource.values["name"];
      if (typeof name !== "string" || name.includes("${")) continue;
      const fifo = resource.values[flag] === true || resource.values[flag] === "true";
      if (fifo !== name.endsWith(".fifo"))
        out.push(finding("name", name, fifo ? `a name ending in .fifo (${flag} = true)` : `no .fifo suffix (${flag} is not true)`));
    }
    return out;
  },
};
