import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** One Go program that the toolchain builds from the Go module proxy. */
const goBinary = z.object({
  /** Go module path that holds the program. */
  module: z.string().min(1),
  /** Module version asked of the proxy: a release tag or a pseudo-version; null = not resolvable (see `unavailable`). */
  version: z
    .string()
    .regex(/^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/)
    .nullable(),
  /** Package of the main program inside the module. */
  package: z.string().min(1),
  /** -ldflags, as the upstream release build sets them (so `version` prints the release). */
  ldflags: z.string(),
  /** sha256 of the binary built from the pinned version with `go` (reviewed); null until first built. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
});

export const versionsSchema = z.object({
  /** The Go toolchain that built the recorded sha256 values; another Go gives another (equally valid) binary. */
  go: z.string().regex(/^go\d+\.\d+(\.\d+)?$/),
  opentofu: goBinary.extend({ release: z.string().regex(/^\d+\.\d+\.\d+$/) }),
  awsProvider: goBinary.extend({
    /** Provider version as Terraform sees it (registry.terraform.io/hashicorp/aws). */
    release: z.string().regex(/^\d+\.\d+\.\d+$/),
    /** Git tag of the release; its commit is what the module proxy must be asked for (the tags do not match the module path). */
    tag: z.string(),
    /** Full commit of the tag, once known. */
    commit: z
      .string()
      .regex(/^[0-9a-f]{40}$/)
      .nullable(),
    /** Why `version` is null: what was asked of the proxy and what it answered. */
    unavailable: z.string().optional(),
  }),
});

export type Versions = z.infer<typeof versionsSchema>;
export type GoBinaryPin = Versions["opentofu"] | Versions["awsProvider"];

export const VERSIONS_FILE = join("tools", "toolchain", "versions.json");

/** Read and validate tools/toolchain/versions.json; a bad file is an error naming file, field and value. */
export function loadVersions(root: string, file = VERSIONS_FILE): Versions {
  const raw: unknown = JSON.parse(readFileSync(join(root, file), "utf8"));
  const parsed = versionsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${file}: ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid toolchain pins (${problems.length} problem(s)):\n${problems.join("\n")}`);
  }
  return parsed.data;
}
