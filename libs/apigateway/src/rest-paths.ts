/** Pure planning of a REST API's resource tree from its route paths. */

export interface PlannedResource {
  /** "/teams/{teamId}" */
  readonly path: string;
  /** "/teams" ("/" for top-level resources). */
  readonly parentPath: string;
  /** "{teamId}" */
  readonly pathPart: string;
}

const SEGMENT = /^([A-Za-z0-9._-]+|\{[A-Za-z0-9_]+\+?\})$/;

/** Error text for a malformed REST path, or undefined. */
export function validateRestPath(path: string): string | undefined {
  if (path === "/") return undefined;
  if (!path.startsWith("/") || path.endsWith("/")) return `path "${path}" must start with "/" and not end with one`;
  const segments = path.slice(1).split("/");
  const bad = segments.find((s) => !SEGMENT.test(s));
  if (bad !== undefined) return `path "${path}" has an invalid segment "${bad}" (letters, digits, . _ - or {param} / {proxy+})`;
  const greedy = segments.findIndex((s) => s.endsWith("+}"));
  if (greedy !== -1 && greedy !== segments.length - 1) return `path "${path}": a greedy {param+} must be the last segment`;
  return undefined;
}

/** Every resource the paths need (parents included), parents before children, each once. */
export function planRestResources(paths: readonly string[]): PlannedResource[] {
  const all = new Set<string>();
  for (const p of paths) {
    if (p === "/") continue;
    const segments = p.slice(1).split("/");
    for (let i = 1; i <= segments.length; i++) all.add("/" + segments.slice(0, i).join("/"));
  }
  return [...all]
    .sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b))
    .map((path) => {
      const cut = path.lastIndexOf("/");
      return { path, parentPath: cut === 0 ? "/" : path.slice(0, cut), pathPart: path.slice(cut + 1) };
    });
}

/**
 * The method_path of aws_api_gateway_method_settings: the resource path without its leading "/"
 * and the method, e.g. "teams/{teamId}/GET" (the provider escapes slashes itself). ANY becomes
 * "*": every method of that resource.
 */
export function methodSettingsPath(path: string, method: string): string {
  return `${path.slice(1)}/${method === "ANY" ? "*" : method}`;
}
