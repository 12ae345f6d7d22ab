/**
 * ECR lifecycle policies as typed rules, rendered to the JSON document ECR expects.
 * Pure functions: no cdktf, so the rendering is tested byte for byte.
 */

export type LifecycleRule =
  | {
      /** Keep the newest `count` images whose tag matches; expire older ones. */
      readonly kind: "keepLastTagged";
      readonly count: number;
      /** Tag prefixes the rule applies to (e.g. ["v", "release-"]). @default every tagged image (tagPatternList ["*"]) */
      readonly tagPrefixes?: readonly string[];
      /** @default generated from the rule */
      readonly description?: string;
    }
  | {
      /** Expire untagged images (build leftovers) older than `days`. */
      readonly kind: "expireUntagged";
      readonly days: number;
      /** @default generated from the rule */
      readonly description?: string;
    }
  | {
      /** Keep the newest `count` images of any tag status. ECR requires it to be the last rule. */
      readonly kind: "keepLastAny";
      readonly count: number;
      /** @default generated from the rule */
      readonly description?: string;
    };

/** Untagged leftovers go after 7 days; the newest 30 tagged images stay (rollback depth). */
export const DEFAULT_LIFECYCLE_RULES: readonly LifecycleRule[] = [
  { kind: "expireUntagged", days: 7 },
  { kind: "keepLastTagged", count: 30 },
];

interface RenderedRule {
  rulePriority: number;
  description: string;
  selection: Record<string, unknown>;
  action: { type: "expire" };
}

function positiveInteger(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`ECR lifecycle rule: ${what} must be a positive integer, got ${value}`);
}

/**
 * The lifecycle policy document. Priorities follow the order of `rules` (1, 2, ...), which is
 * also the order ECR evaluates them in. Keys are emitted in a fixed order, so synth is stable.
 */
export function renderLifecyclePolicy(rules: readonly LifecycleRule[]): string {
  if (rules.length === 0) throw new RangeError("ECR lifecycle policy needs at least one rule");
  const anyIndex = rules.findIndex((r) => r.kind === "keepLastAny");
  if (anyIndex !== -1 && anyIndex !== rules.length - 1) {
    throw new RangeError("ECR lifecycle rule keepLastAny (tagStatus any) must be the last rule: ECR requires it to have the lowest priority");
  }
  const rendered: RenderedRule[] = rules.map((rule, i) => {
    const rulePriority = i + 1;
    switch (rule.kind) {
      case "keepLastTagged": {
        positiveInteger(rule.count, "keepLastTagged.count");
        const prefixes = rule.tagPrefixes ?? [];
        if (prefixes.some((p) => p.length === 0)) throw new RangeError("ECR lifecycle rule: tagPrefixes must not contain empty strings");
        const selection: Record<string, unknown> =
          prefixes.length > 0
            ? { tagStatus: "tagged", tagPrefixList: [...prefixes], countType: "imageCountMoreThan", countNumber: rule.count }
            : { tagStatus: "tagged", tagPatternList: ["*"], countType: "imageCountMoreThan", countNumber: rule.count };
        const what = prefixes.length > 0 ? `images tagged ${prefixes.join(", ")}*` : "tagged images";
        return { rulePriority, description: rule.description ?? `Keep the last ${rule.count} ${what}`, selection, action: { type: "expire" } };
      }
      case "expireUntagged":
        positiveInteger(rule.days, "expireUntagged.days");
        return {
          rulePriority,
          description: rule.description ?? `Expire untagged images after ${rule.days} days`,
          selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: rule.days },
          action: { type: "expire" },
        };
      case "keepLastAny":
        positiveInteger(rule.count, "keepLastAny.count");
        return {
          rulePriority,
          description: rule.description ?? `Keep the last ${rule.count} images`,
          selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: rule.count },
          action: { type: "expire" },
        };
    }
  });
  return JSON.stringify({ rules: rendered });
}
