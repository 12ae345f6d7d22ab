import type { StackBuilder } from "@infra/core";
import { describe, expect, it } from "vitest";
import { workloadBuilders } from "./workload-builders";

describe("workloadBuilders", () => {
  it("keys each builder <workload>/<name>, in the order given", () => {
    const kms: StackBuilder = () => ({ keys: 1 });
    const vpc: StackBuilder = () => ({ vpc: 1 });
    const registry = workloadBuilders("shop", { kms, "vpc-peering": vpc });
    expect(Object.keys(registry)).toEqual(["shop/kms", "shop/vpc-peering"]);
    expect(registry["shop/kms"]).toBe(kms);
    expect(registry["shop/vpc-peering"]).toBe(vpc);
  });
});
