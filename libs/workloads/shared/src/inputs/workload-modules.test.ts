import { defineModule } from "@infra/config";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { workloadModules } from "./workload-modules";

const schema = z.object({ name: z.string(), size: z.number() });
const shopModule = workloadModules<{ tier: string }>("shop");

describe("workloadModules", () => {
  it("derives category, module, builder key and source from the module id, as defineModule with them spelled out", () => {
    const defaults = () => ({ name: "x", size: 1 });
    const derived = shopModule("data/orders", { schema, defaults });
    const spelled = defineModule({ workload: "shop", category: "shop-data", module: "orders", builder: "shop/orders", schema, defaults });
    expect(derived).toEqual(spelled);
    expect(Object.keys(derived)).toEqual(Object.keys(spelled));
    expect(derived.source).toBe("environments/_envcommon/shop/data/orders.ts");
  });

  it("takes a builder named otherwise, and the platform's plain categories", () => {
    const platformModule = workloadModules("platform", { category: (folder) => folder });
    const zone = platformModule("dns/zone", { builder: "hosted-zone", schema, defaults: () => ({}) });
    expect(zone).toMatchObject({ workload: "platform", category: "dns", module: "zone", builder: "platform/hosted-zone" });
    expect(zone.source).toBe("environments/_envcommon/platform/dns/zone.ts");
    expect(zone).not.toHaveProperty("folder");
  });

  it("rejects an id that is not <folder>/<module>, naming it", () => {
    expect(() => shopModule("orders" as `${string}/${string}`, { schema, defaults: () => ({}) })).toThrow(
      'a shop module id is "<folder>/<module>", got "orders"',
    );
    expect(() => shopModule("data/orders/extra", { schema, defaults: () => ({}) })).toThrow('got "data/orders/extra"');
  });
});
