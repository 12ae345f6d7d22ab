/**
 * `npm run toolchain`: build the pinned OpenTofu and hashicorp/aws provider from the Go module proxy
 * with this machine's `go`, into ~/.cache/infra-toolchain/<tofu>_<provider>/ (see layout.ts). A second
 * run checks the sha256 of what is cached and returns at once.
 *
 *   npm run toolchain [-- --only tofu|provider] [--provider-commit <40-hex>] [--rebuild] [--print-env]
 *
 * Exit codes: 0 everything built or cached; 1 a build failed; 3 the provider cannot be had from the
 * module proxy (OpenTofu is still built; `npm run validate` then says what is missing).
 */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { WORKSPACE_ROOT } from "../run";
import { buildProgram, downloadModule } from "./build";
import { cliConfigText, toolchainLayout, tofuEnv, type ToolchainLayout } from "./layout";
import { cacheState, type Manifest, readManifest, writeManifest } from "./manifest";
import { type GoBinaryPin, loadVersions, VERSIONS_FILE, type Versions } from "./versions";

const log = (line: string): void => void process.stdout.write(`${line}\n`);

function goVersion(): string {
  const r = spawnSync("go", ["env", "GOVERSION"], { encoding: "utf8", env: { ...process.env, GOTOOLCHAIN: "local" } });
  if (r.status !== 0) throw new Error("`go` is not on PATH: the toolchain is built from source with the machine's Go");
  return r.stdout.trim();
}

async function ensure(
  name: "opentofu" | "awsProvider",
  pin: GoBinaryPin,
  query: string,
  targets: readonly string[],
  manifest: Manifest,
  rebuild: boolean,
  verifySource: (moduleDir: string) => void,
  reviewedGo: string,
): Promise<void> {
  const started = Date.now();
  const state = rebuild ? ({ kind: "miss", why: "--rebuild" } as const) : cacheState(manifest[name], pin.version ?? query, targets);
  if (state.kind === "hit") {
    log(`${name}: cached ${targets[0]} (sha256 ${state.entry.sha256.slice(0, 16)}… verified in ${Date.now() - started} ms)`);
    return;
  }
  log(`${name}: building ${pin.module}@${query} (${state.why}) …`);
  const info = downloadModule(pin.module, query);
  if (pin.version && info.version !== pin.version) throw new Error(`${pin.module}@${query} resolved to ${info.version}, pinned ${pin.version}`);
  verifySource(info.dir);
  for (const t of targets) rmSync(t, { force: true });
  const built = await buildProgram({ module: pin.module, info, program: pin.package, ldflags: pin.ldflags, out: targets[0]! });
  for (const extra of targets.slice(1)) {
    mkdirSync(dirname(extra), { recursive: true });
    try {
      linkSync(targets[0]!, extra);
    } catch {
      copyFileSync(targets[0]!, extra);
    }
  }
  chmodSync(targets[0]!, 0o755);
  manifest[name] = {
    version: info.version,
    sha256: built.sha256,
    go: goVersion(),
    buildSeconds: Math.round(built.seconds),
    peakRssMb: Math.round(built.peakRssMb),
    builtAt: new Date().toISOString(),
  };
  log(`${name}: built ${info.version} in ${built.seconds.toFixed(0)} s, peak RSS ${built.peakRssMb.toFixed(0)} MB, sha256 ${built.sha256}`);
  if (pin.sha256 && pin.sha256 !== built.sha256) {
    const go = manifest[name]!.go;
    const why = go === reviewedGo ? "same Go: the build is NOT reproducible, investigate" : `reviewed with ${reviewedGo}, built with ${go}`;
    log(`${name}: NOTE sha256 differs from the reviewed ${pin.sha256} in ${VERSIONS_FILE} (${why})`);
  }
}

/** The release the module zip says it is: version/VERSION of the provider must be the pinned release. */
function providerSourceCheck(versions: Versions) {
  return (dir: string) => {
    const file = join(dir, "version", "VERSION");
    const found = existsSync(file) ? readFileSync(file, "utf8").trim() : "(no version/VERSION)";
    if (found !== versions.awsProvider.release) {
      throw new Error(`${versions.awsProvider.module} at the pinned commit says version/VERSION = ${found}, expected ${versions.awsProvider.release}`);
    }
  };
}

function tofuVersionCheck(layout: ToolchainLayout, versions: Versions): void {
  const r = spawnSync(layout.tofu, ["version", "-json"], { encoding: "utf8", env: { ...process.env, ...tofuEnv(layout) } });
  const found = (JSON.parse(r.stdout || "{}") as { terraform_version?: string }).terraform_version;
  if (found !== versions.opentofu.release) throw new Error(`${layout.tofu} reports version ${found}, pinned ${versions.opentofu.release}`);
}

export async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      only: { type: "string" },
      "provider-commit": { type: "string" },
      rebuild: { type: "boolean", default: false },
      "print-env": { type: "boolean", default: false },
    },
  });
  if (values.only && values.only !== "tofu" && values.only !== "provider")
    throw new Error(`--only must be tofu or provider, got ${JSON.stringify(values.only)}`);
  const versions = loadVersions(WORKSPACE_ROOT);
  const layout = toolchainLayout(versions);
  if (values["print-env"]) {
    for (const [k, v] of Object.entries(tofuEnv(layout))) log(`export ${k}=${JSON.stringify(v)}`);
    log(`export PATH=${JSON.stringify(dirname(layout.tofu))}:"$PATH"`);
    return 0;
  }
  log(`toolchain: ${layout.dir} (${goVersion()})`);
  mkdirSync(layout.pluginCache, { recursive: true });
  writeFileSync(layout.cliConfig, cliConfigText(layout));
  const manifest = readManifest(layout.manifest);
  const save = () => writeManifest(layout.manifest, manifest);

  if (values.only !== "provider") {
    const pin = versions.opentofu;
    await ensure("opentofu", pin, pin.version!, [layout.tofu], manifest, values.rebuild, () => undefined, versions.go).finally(save);
    tofuVersionCheck(layout, versions);
  }
  if (values.only === "tofu") return 0;

  const p = versions.awsProvider;
  const query = values["provider-commit"] ?? p.version;
  if (!query) {
    log(`awsProvider: hashicorp/aws ${p.release} is not available from the Go module proxy:\n  ${p.unavailable ?? "no version pinned"}`);
    log(`  If you know the commit of tag ${p.tag}: npm run toolchain -- --provider-commit <40-hex>, then pin the printed pseudo-version in ${VERSIONS_FILE}.`);
    return 3;
  }
  await ensure("awsProvider", p, query, layout.providerBinaries, manifest, values.rebuild, providerSourceCheck(versions), versions.go).finally(save);
  log(`ready: tofu ${versions.opentofu.release} + hashicorp/aws ${p.release}; env for tofu: npm run toolchain -- --print-env`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`toolchain: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
