import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Runs the source of a repo-owned function (an ES module held as a string, e.g. for `InlineCodeAsset`) as
 * written: `files` are written to a temporary folder, `packages` become `node_modules/<name>/index.js`
 * (stand-ins for the runtime's AWS SDK clients), and `entry` is imported from there. `cleanup()` removes
 * the folder. Import other files of the folder with `importFile`.
 */
export async function importInlineModules<M>(options: {
  readonly files: Readonly<Record<string, string>>;
  readonly packages?: Readonly<Record<string, string>>;
  /** @default "index.mjs" */
  readonly entry?: string;
}): Promise<{ readonly module: M; readonly dir: string; importFile<F>(name: string): Promise<F>; cleanup(): void }> {
  const dir = mkdtempSync(join(tmpdir(), "inline-modules-"));
  for (const [name, source] of Object.entries(options.packages ?? {})) {
    const folder = join(dir, "node_modules", ...name.split("/"));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "package.json"), JSON.stringify({ name, type: "module", exports: "./index.js" }));
    writeFileSync(join(folder, "index.js"), source);
  }
  for (const [name, source] of Object.entries(options.files)) writeFileSync(join(dir, name), source);
  const importFile = async <F>(name: string) => (await import(/* @vite-ignore */ pathToFileURL(join(dir, name)).href)) as F;
  return { module: await importFile<M>(options.entry ?? "index.mjs"), dir, importFile, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
