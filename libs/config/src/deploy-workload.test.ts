import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineModule } from "./define";
import { deployWorkload } from "./deploy-workload";
import { errorOf } from "./test-fixtures";

const mod = (module: string) =>
  defineModule({
    workload: "shop",
    category: "shop",
    module,
    builder: `shop-${module}`,
    schema: z.object({ size: z.number() }).strict(),
    defaults: () => ({ size: 1 }),
    source: `shop/${module}.ts`,
  });
const shop = { kms: mod("kms"), vpc: mod("vpc"), peering: mod("peering"), db: mod("db") };
const FILE = "environments/dev/us-east-1/shop.ts";

describe("deployWorkload", () => {
  it("deploys every module in the workload's order, each stamped with the env file", () => {
    const list = deployWorkload(FILE, shop);
    expect(list.map((d) => d.definition)).toEqual([shop.kms, shop.vpc, shop.peering, shop.db]);
    expect(list.every((d) => d.source === FILE && d.inputs === undefined)).toBe(true);
  });

  it("leaves out `except` and carries each module's overrides", () => {
    const list = deployWorkload(FILE, shop, { except: ["peering"], overrides: { db: { inputs: { size: 3 }, waivers: [] } } });
    expect(list.map((d) => d.definition)).toEqual([shop.kms, shop.vpc, shop.db]);
    expect(list[2]).toEqual({ definition: shop.db, inputs: { size: 3 }, waivers: [], source: FILE });
  });

  it("names the file, the field and the workload's modules for an unknown module or an override of a left-out one", () => {
    const e = errorOf(() => deployWorkload(FILE, shop, { except: ["nope"], overrides: { typo: {} } } as never));
    expect(e.issues).toEqual([
      { level: FILE, path: "except[0]", value: '"nope"', allowed: "a module of the workload: kms, vpc, peering, db" },
      { level: FILE, path: "overrides.typo", value: '"typo"', allowed: "a module of the workload: kms, vpc, peering, db" },
    ]);
    const excluded = errorOf(() => deployWorkload(FILE, shop, { except: ["peering"], overrides: { peering: {} } }));
    expect(excluded.issues).toEqual([
      {
        level: FILE,
        path: "overrides.peering",
        value: '"peering"',
        allowed: "a deployed module: this one is listed in except (deploy it or drop its overrides)",
      },
    ]);
  });
});
