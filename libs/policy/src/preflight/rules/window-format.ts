import { finding } from "../../rules/helpers";
import type { PreflightRule } from "../types";
import { attributesOf, FORMATS, literalAt, windowTypes } from "./windows";

/** Every maintenance/backup window attribute in the format the provider validates. */
export const windowFormat: PreflightRule = {
  id: "PRE-WIN-001",
  title: "Maintenance and backup windows are in the provider's format (weekly ddd:hh24:mi-ddd:hh24:mi, daily hh24:mi-hh24:mi)",
  consequence: 'terraform validate/plan fails: "(sun:04:30-05:30) must satisfy the format of \\"ddd:hh24:mi-ddd:hh24:mi\\"" (daily windows: "hh24:mi-hh24:mi")',
  severity: "high",
  catalogue: [],
  defects: [1],
  scope: "stack",
  resourceTypes: windowTypes,
  appliesTo: (s) => attributesOf(s).some((w) => literalAt(s.resource.values, w.attribute) !== undefined),
  check(subject) {
    return attributesOf(subject).flatMap((w) => {
      const value = literalAt(subject.resource.values, w.attribute);
      return value === undefined || FORMATS[w.kind].re.test(value) ? [] : [finding(w.attribute, value, FORMATS[w.kind].text)];
    });
  },
};
