import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { sha256File } from "./build";

/** What the cache knows of one binary it holds. */
export interface ManifestEntry {
  /** Module version built (tag or pseudo-version). */
  readonly version: string;
  readonly sha256: string;
  /** `go version` of the Go that built it. */
  readonly go: string;
  readonly buildSeconds: number;
  readonly peakRssMb: number;
  readonly builtAt: string;
}

export type Manifest = Partial<Record<"opentofu" | "awsProvider", ManifestEntry>>;

export function readManifest(file: string): Manifest {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Manifest) : {};
}

export function writeManifest(file: string, manifest: Manifest): void {
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

export type CacheState = { readonly kind: "hit"; readonly entry: ManifestEntry } | { readonly kind: "miss"; readonly why: string };

/**
 * A cached binary is used only if it was built from the pinned version and its bytes still hash to
 * what was recorded when it was built: a changed pin, a partial copy or a tampered file is a miss.
 */
export function cacheState(entry: ManifestEntry | undefined, version: string, files: readonly string[], hash: (f: string) => string = sha256File): CacheState {
  if (!entry) return { kind: "miss", why: "not built yet" };
  if (entry.version !== version) return { kind: "miss", why: `cache holds ${entry.version}, pin is ${version}` };
  for (const f of files) {
    if (!existsSync(f)) return { kind: "miss", why: `${f} is missing` };
    const actual = hash(f);
    if (actual !== entry.sha256) return { kind: "miss", why: `${f} hashes to ${actual}, recorded ${entry.sha256}` };
  }
  return { kind: "hit", entry };
}
