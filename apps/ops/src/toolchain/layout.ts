import { homedir } from "node:os";
import { join } from "node:path";
import type { Versions } from "./versions";

/**
 * Where the built toolchain lives, outside the repo: one directory per pinned pair of versions,
 * so changing a pin never reuses a binary built from the old one.
 *
 *   ~/.cache/infra-toolchain/<tofu>_<provider>/
 *     bin/tofu
 *     mirror/<host>/hashicorp/aws/<version>/<os_arch>/terraform-provider-aws_v<version>   (unpacked filesystem mirror)
 *     plugin-cache/                                                                    (TF_PLUGIN_CACHE_DIR, shared by every stack)
 *     tofurc                                                                           (CLI config: the mirror, nothing from the network)
 *     manifest.json                                                                    (sha256, build time and memory of each binary)
 */
export interface ToolchainLayout {
  readonly dir: string;
  readonly tofu: string;
  readonly mirror: string;
  /** The provider binary at each registry host name it is mirrored under. */
  readonly providerBinaries: readonly string[];
  readonly pluginCache: string;
  readonly cliConfig: string;
  readonly manifest: string;
}

/**
 * The synthesized JSON says `source = "aws"`. OpenTofu reads a bare type as registry.opentofu.org/hashicorp/aws,
 * Terraform as registry.terraform.io/hashicorp/aws: the mirror holds the one binary under both host names,
 * so either CLI installs it offline.
 */
export const PROVIDER_HOSTS = ["registry.opentofu.org", "registry.terraform.io"] as const;

/** Terraform's platform name for this machine (linux_amd64, darwin_arm64, ...). */
export function platformName(platform: string = process.platform, arch: string = process.arch): string {
  const goArch: Record<string, string> = { x64: "amd64", arm64: "arm64", ia32: "386", arm: "arm" };
  return `${platform === "win32" ? "windows" : platform}_${goArch[arch] ?? arch}`;
}

/** The cache root: $INFRA_TOOLCHAIN_CACHE, else $XDG_CACHE_HOME/infra-toolchain, else ~/.cache/infra-toolchain. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env["INFRA_TOOLCHAIN_CACHE"]) return env["INFRA_TOOLCHAIN_CACHE"];
  return join(env["XDG_CACHE_HOME"] || join(homedir(), ".cache"), "infra-toolchain");
}

export function toolchainLayout(versions: Versions, root: string = cacheRoot(), platform: string = platformName()): ToolchainLayout {
  const dir = join(root, `${versions.opentofu.release}_${versions.awsProvider.release}`);
  const mirror = join(dir, "mirror");
  const v = versions.awsProvider.release;
  return {
    dir,
    tofu: join(dir, "bin", "tofu"),
    mirror,
    providerBinaries: PROVIDER_HOSTS.map((host) => join(mirror, host, "hashicorp", "aws", v, platform, `terraform-provider-aws_v${v}`)),
    pluginCache: join(dir, "plugin-cache"),
    cliConfig: join(dir, "tofurc"),
    manifest: join(dir, "manifest.json"),
  };
}

/** The CLI config: providers from the local mirror only; anything else fails instead of reaching a registry. */
export function cliConfigText(layout: Pick<ToolchainLayout, "mirror">): string {
  const include = PROVIDER_HOSTS.map((h) => `"${h}/hashicorp/aws"`).join(", ");
  return [
    "# Written by `npm run toolchain`. Providers are installed from the local filesystem mirror only:",
    "# no direct block, so `init` never reaches a registry.",
    "provider_installation {",
    "  filesystem_mirror {",
    `    path    = ${JSON.stringify(layout.mirror)}`,
    `    include = [${include}]`,
    "  }",
    "}",
    "",
  ].join("\n");
}

/** Environment for every tofu call: the CLI config, the shared plugin cache, no prompts, no update checks. */
export function tofuEnv(layout: Pick<ToolchainLayout, "cliConfig" | "pluginCache">): Record<string, string> {
  return {
    TF_CLI_CONFIG_FILE: layout.cliConfig,
    TF_PLUGIN_CACHE_DIR: layout.pluginCache,
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    CHECKPOINT_DISABLE: "1",
  };
}
