/**
 * The throwaway Go module that builds a pinned program. OpenTofu and the AWS provider both carry
 * `replace` directives, which `go install pkg@version` refuses; a module of our own that requires
 * theirs and repeats their replaces builds exactly what their own `go build` would.
 */

/** One `replace` directive: `from [fromVersion] => to [toVersion]`. */
export interface Replace {
  readonly from: string;
  readonly fromVersion?: string;
  readonly to: string;
  readonly toVersion?: string;
}

/** The `go` directive of a go.mod (e.g. "1.26.6"), or undefined. */
export function goDirective(goMod: string): string | undefined {
  return /^go\s+(\d+\.\d+(?:\.\d+)?)\s*$/m.exec(goMod)?.[1];
}

function stripComment(line: string): string {
  const at = line.indexOf("//");
  return (at >= 0 ? line.slice(0, at) : line).trim();
}

function parseReplaceLine(spec: string, where: string): Replace {
  const [left, right, ...extra] = spec.split("=>").map((s) => s.trim().split(/\s+/).filter(Boolean));
  if (!left || !right || extra.length > 0 || left.length < 1 || left.length > 2 || right.length < 1 || right.length > 2) {
    throw new Error(`go.mod ${where}: cannot read replace directive ${JSON.stringify(spec)}`);
  }
  return {
    from: left[0]!,
    ...(left[1] ? { fromVersion: left[1] } : {}),
    to: right[0]!,
    ...(right[1] ? { toVersion: right[1] } : {}),
  };
}

/** Every `replace` directive of a go.mod, single-line and block form, in file order. */
export function parseReplaces(goMod: string, where = "go.mod"): Replace[] {
  const out: Replace[] = [];
  let inBlock = false;
  goMod.split("\n").forEach((raw, i) => {
    const line = stripComment(raw);
    const at = `${where}:${i + 1}`;
    if (inBlock) {
      if (line === ")") inBlock = false;
      else if (line) out.push(parseReplaceLine(line, at));
      return;
    }
    if (/^replace\s*\($/.test(line)) inBlock = true;
    else if (/^replace\s/.test(line)) out.push(parseReplaceLine(line.replace(/^replace\s+/, ""), at));
  });
  return out;
}

/** A replace pointing at a directory (`=> ../x`) only exists in the upstream checkout: it cannot be repeated. */
export function isLocalReplace(r: Replace): boolean {
  return r.toVersion === undefined && /^(\.{1,2}\/|\/)/.test(r.to);
}

function formatReplace(r: Replace): string {
  return `\t${[r.from, r.fromVersion].filter(Boolean).join(" ")} => ${[r.to, r.toVersion].filter(Boolean).join(" ")}`;
}

export interface ThrowawayModule {
  readonly "go.mod": string;
  readonly "tools.go": string;
}

/**
 * The files of the build module: it requires `module@version`, repeats the upstream replaces and
 * imports the program's package under a build tag, so `go mod tidy` resolves exactly its dependency graph.
 */
export function throwawayModule(opts: { module: string; version: string; program: string; goVersion: string; replaces: readonly Replace[] }): ThrowawayModule {
  const local = opts.replaces.filter(isLocalReplace);
  if (local.length > 0) {
    throw new Error(
      `${opts.module}@${opts.version} replaces ${local.map((r) => `${r.from} => ${r.to}`).join(", ")} with a local directory; it cannot be built outside its own checkout`,
    );
  }
  const replaceBlock = opts.replaces.length ? `\nreplace (\n${opts.replaces.map(formatReplace).join("\n")}\n)\n` : "";
  return {
    "go.mod": `module infra-toolchain/build\n\ngo ${opts.goVersion}\n\nrequire ${opts.module} ${opts.version}\n${replaceBlock}`,
    "tools.go": `//go:build tools\n\n// Package tools pins the program to build; it is never compiled.\npackage tools\n\nimport _ "${opts.program}"\n`,
  };
}
