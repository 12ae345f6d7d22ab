/**
 * Where a cluster's services put their tasks:
 * - "spread": across availability zones first, then across instances (seed 004 prod "Spread (AZ diversity)");
 * - "any": no AZ requirement; tasks are bin-packed on memory so whole instances empty out and managed
 *   scaling can remove them (the cost-aware reading of seed 004's "Any").
 */
export type PlacementMode = "any" | "spread";

/** One entry of an ECS service's ordered_placement_strategy. */
export interface PlacementStrategy {
  readonly type: "spread" | "binpack" | "random";
  readonly field?: string;
}

export function placementStrategy(mode: PlacementMode): readonly PlacementStrategy[] {
  switch (mode) {
    case "spread":
      return [
        { type: "spread", field: "attribute:ecs.availability-zone" },
        { type: "spread", field: "instanceId" },
      ];
    case "any":
      return [{ type: "binpack", field: "memory" }];
  }
}
