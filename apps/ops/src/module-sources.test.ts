import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { WORKLOADS } from "@envs/envcommon";
import { type ModuleDefinition, moduleSource } from "@infra/config";
import { describe, expect, it } from "vitest";
import { ENVS } from "./envs";

// ADR 0120: a module's `source` (named in every config error) follows from the module itself.
const ROOT = resolve(__dirname, "..", "..", "..");

/** `environments/_envcommon/timeline/data/rds.ts` -> `data`. */
const folderOf = (source: string) => source.split("/").at(-2);
const modules = new Map<string, ModuleDefinition>();
for (const env of ENVS)
  for (const r of env.regions) for (const d of r.deployments) modules.set(`${d.definition.category}/${d.definition.module}`, d.definition);

describe("module and workload sources", () => {
  it("every deployed module names a file that exists and declares it, by the _envcommon convention", () => {
    expect(modules.size).toBeGreaterThan(60);
    for (const [key, def] of modules) {
      expect(def.source, key).toBe(moduleSource(def));
      const file = resolve(ROOT, def.source);
      expect(existsSync(file), `${key}: ${def.source}`).toBe(true);
      const text = readFileSync(file, "utf8");
      // `defineModule({ ..., module: "x" })`, or a workload's `workloadModules` helper: `timelineModule("<folder>/x", ...)`.
      const declares =
        (text.includes("defineModule") && text.includes(`module: "${def.module}"`)) || text.includes(`Module("${folderOf(def.source)}/${def.module}"`);
      expect(declares, `${key}: ${def.source} declares module "${def.module}"`).toBe(true);
    }
  });

  it("every workload names its workload.ts", () => {
    for (const w of Object.values(WORKLOADS)) expect(existsSync(resolve(ROOT, w.source)), w.source).toBe(true);
  });
});
