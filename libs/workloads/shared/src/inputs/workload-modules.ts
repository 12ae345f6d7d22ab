import { type ModuleDefinition, defineModule } from "@infra/config";
import type { z } from "zod";

/** What `defineModule` takes, for a schema `S` and a workload config `W`. */
type ModuleDef<S extends z.ZodType, W> = Parameters<typeof defineModule<S, W>>[0];

/** A module of a workload as its file declares it: everything but the names that follow from its id. */
export type WorkloadModuleDef<S extends z.ZodType, W> = Omit<ModuleDef<S, W>, "workload" | "category" | "module" | "builder"> & {
  /** The builder's name in the workload's registry, when it is not the module's. @default the module name */
  readonly builder?: string;
};

/** How a workload names its categories. */
export interface WorkloadModulesOptions {
  /**
   * The category of the modules in a folder of `environments/_envcommon/<workload>/`.
   * @default `<workload>-<folder>` (the platform, the first workload, keeps its plain `network`, `data`, ...)
   */
  readonly category?: (folder: string) => string;
}

/**
 * `defineModule` for one workload. A module is named once, by its file's place under
 * `environments/_envcommon/<workload>/`: `"data/aurora"` is the module `aurora` of category
 * `<workload>-data`, built by the registry key `<workload>/aurora` (`workloadBuilders` makes the same keys),
 * and its `source` follows from those (ADR 0120). Before, each file repeated all four as strings that had to agree.
 */
export function workloadModules<W>(workload: string, options: WorkloadModulesOptions = {}) {
  const categoryOf = options.category ?? ((folder: string) => `${workload}-${folder}`);
  return <S extends z.ZodType>(id: `${string}/${string}`, def: WorkloadModuleDef<S, W>): ModuleDefinition<z.output<S>, W> => {
    const parts = id.split("/");
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new Error(`a ${workload} module id is "<folder>/<module>", got ${JSON.stringify(id)}`);
    const [folder, module] = parts as [string, string];
    const { builder, ...rest } = def;
    return defineModule<S, W>({ workload, category: categoryOf(folder), module, builder: `${workload}/${builder ?? module}`, ...rest } as ModuleDef<S, W>);
  };
}
