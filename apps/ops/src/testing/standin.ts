import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A stand-in `tofu` / `terraform` for CLI tests: records every call (argv, directory, the env vars
 * the CLI sets, start and end time) and answers with canned output. Never the real binary, never
 * the network. Behaviour is steered through environment variables:
 *   STANDIN_RULES  what `standInRules(...)` returns: per rule a stack regex (ERE), an argv prefix
 *                  ("plan", "show -json"), an exit code and a sleep; the first match wins.
 *   STANDIN_PLANS  directory of `<stack>.json`: what `show -json <plan>` prints for that stack
 *                  (default: a plan with no changes).
 *
 * It is POSIX sh, not Node: the CLI tests make ~1,000 calls, and a Node start costs ~50 ms of CPU
 * against ~2 ms for dash (the CLI suite went from 82 s to ~30 s of a 2-core machine).
 */
const SCRIPT = String.raw`#!/bin/sh
bin=${"$"}{0##*/}
stack=$(pwd -P); cwd=$stack; stack=${"$"}{stack##*/}
started=$(date +%s%3N)
cmdline="$*"
record() {
  ended=$(date +%s%3N)
  if [ $# -gt 0 ]; then
    argv=$(printf '%s\n' "$@" | awk 'BEGIN { ORS = "" } { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); printf "%s\"%s\"", (NR > 1 ? "," : ""), $0 }')
  else argv=""; fi
  line="{\"bin\":\"$bin\",\"argv\":[$argv],\"cwd\":\"$cwd\",\"stack\":\"$stack\",\"code\":$code,\"started\":$started,\"ended\":$ended"
  [ -n "${"$"}{TF_PLUGIN_CACHE_DIR+x}" ] && line="$line,\"cache\":\"$TF_PLUGIN_CACHE_DIR\""
  [ -n "${"$"}{TF_IN_AUTOMATION+x}" ] && line="$line,\"automation\":\"$TF_IN_AUTOMATION\""
  [ -n "${"$"}{TF_INPUT+x}" ] && line="$line,\"input\":\"$TF_INPUT\""
  printf '%s}\n' "$line" >> "$STANDIN_LOG"
}
finish() { code=$1; shift; record "$@"; exit "$code"; }
rule_exit=""
if [ -n "$STANDIN_RULES" ]; then
  while IFS='	' read -r r_stack r_cmd r_exit r_sleep; do
    case "$cmdline" in "$r_cmd"*) ;; *) continue ;; esac
    if [ -n "$r_stack" ] && ! printf '%s\n' "$stack" | grep -Eq -- "$r_stack"; then continue; fi
    [ -n "$r_sleep" ] && sleep "$((r_sleep / 1000)).$(printf %03d $((r_sleep % 1000)))"
    rule_exit=$r_exit
    break
  done <<RULES
$STANDIN_RULES
RULES
fi
if [ -n "$rule_exit" ] && [ "$rule_exit" != 0 ] && ! { [ "$1" = plan ] && [ "$rule_exit" = 2 ]; }; then finish "$rule_exit" "$@"; fi
flag() { for a in $ARGS; do case "$a" in "$1="*) printf '%s' "${"$"}{a#*=}"; return ;; esac; done; }
ARGS="$*"
case "$1" in
  version)
    if [ -n "${"$"}{STANDIN_VERSION_TEXT+x}" ]; then printf '%s' "$STANDIN_VERSION_TEXT"
    elif [ "$bin" = tofu ]; then printf 'OpenTofu v1.12.6\non linux_amd64\n'
    else printf 'Terraform v1.11.4\non linux_amd64\n'; fi
    finish 0 "$@" ;;
  init)
    mkdir -p .terraform/providers
    # cdktf writes cdk.tf.json indented by two: the backend block is "terraform.backend" at four spaces.
    state=$(awk '
      /^    "backend": \{$/ { inb = 1; next }
      inb && /^    \}/ { inb = 0; next }
      inb && !type && /^      "[^"]*": \{$/ { t = $0; sub(/^ *"/, "", t); sub(/".*/, "", t); type = t; next }
      inb && /^      \}/ { next }
      inb { sub(/^ */, ""); cfg = cfg $0 }
      END { if (type) printf "{\"version\":3,\"backend\":{\"type\":\"%s\",\"config\":{%s}}}", type, cfg }' cdk.tf.json)
    if [ -z "$state" ]; then
      # Not indented (hand-written fixtures): let Node read it.
      state=$(node -e 'const j = JSON.parse(require("fs").readFileSync("cdk.tf.json", "utf8")); const [type, config] = Object.entries((j.terraform && j.terraform.backend) || {})[0] || ["local", {}]; process.stdout.write(JSON.stringify({ version: 3, backend: { type, config } }))')
    fi
    printf '%s' "$state" > .terraform/terraform.tfstate
    if [ ! -f .terraform.lock.hcl ]; then
      case " $ARGS " in *" -lockfile=readonly "*) echo "Error: missing lock file" >&2; finish 1 "$@" ;; esac
      printf '# stand-in lock written by %s\nprovider "registry.opentofu.org/hashicorp/aws" {\n  version = "6.25.0"\n}\n' "$stack" > .terraform.lock.hcl
    fi
    printf 'Initializing the backend...\nOpenTofu has been successfully initialized!\n'
    finish 0 "$@" ;;
  plan)
    out=$(flag -out)
    [ -n "$out" ] && printf 'PLAN %s %s\n' "$stack" "$started" > "$out"
    printf 'OpenTofu will perform the following actions:\nPlan: 0 to add, 0 to change, 0 to destroy.\n'
    if [ "$rule_exit" = 2 ]; then finish 2 "$@"; else finish 0 "$@"; fi ;;
  show)
    if [ "$2" = -json ]; then
      if [ -n "$STANDIN_PLANS" ] && [ -f "$STANDIN_PLANS/$stack.json" ]; then cat "$STANDIN_PLANS/$stack.json"
      else printf '{"format_version":"1.2","resource_changes":[],"output_changes":{}}'; fi
    else printf '  # aws_vpc.x will be created\n'; fi
    finish 0 "$@" ;;
  apply) printf 'Apply complete! Resources: 1 added, 0 changed, 0 destroyed.\n'; finish 0 "$@" ;;
  destroy) printf 'Destroy complete! Resources: 2 destroyed.\n'; finish 0 "$@" ;;
  output) printf '{"vpc_id":{"sensitive":false,"type":"string","value":"vpc-0123"}}\n'; finish 0 "$@" ;;
  state)
    if [ "$2" = pull ]; then printf '{"version":4,"serial":7}\n'; else printf 'aws_vpc.main\n'; fi
    finish 0 "$@" ;;
  providers)
    platforms=""
    for a in "$@"; do case "$a" in -platform=*) platforms="${"$"}{platforms:+$platforms }$a" ;; esac; done
    printf '# stand-in lock for %s\n' "$platforms" > .terraform.lock.hcl
    finish 0 "$@" ;;
  *) echo "stand-in: unexpected $*" >&2; finish 9 "$@" ;;
esac
`;

/** A rule of the stand-in: calls whose argv starts with `cmd` (in stacks matching `stack`) exit with `exit` after `sleepMs`. */
export interface StandInRule {
  /** Extended regular expression on the stack directory's name. @default every stack */
  readonly stack?: string;
  /** Prefix of the space-joined argv, e.g. "plan" or "show -json". */
  readonly cmd: string;
  /** Exit code; for `plan`, 2 means "changes present" and the plan still runs. @default 0 */
  readonly exit?: number;
  /** Sleep before answering, to observe parallelism. @default none */
  readonly sleepMs?: number;
}

/** The STANDIN_RULES environment for these rules (first match wins). */
export function standInRules(...rules: readonly StandInRule[]): Record<string, string> {
  return { STANDIN_RULES: rules.map((r) => [r.stack ?? "", r.cmd, r.exit ?? "", r.sleepMs ?? ""].join("\t")).join("\n") };
}

export interface StandInCall {
  readonly bin: string;
  readonly argv: string[];
  readonly cwd: string;
  readonly stack: string;
  readonly code: number;
  readonly started: number;
  readonly ended: number;
  readonly cache: string | undefined;
  readonly automation: string | undefined;
  readonly input: string | undefined;
}

export interface StandIn {
  /** Directory to put first on PATH. */
  readonly bin: string;
  readonly log: string;
  readonly env: Record<string, string>;
  /** Every call so far, in the order they ended. */
  calls(): StandInCall[];
  /** Forget the calls so far. */
  reset(): void;
}

/** Writes the stand-in as `tofu` and `terraform` (or only the names given) into a fresh directory. */
export function standIn(names: readonly string[] = ["tofu", "terraform"]): StandIn {
  const dir = mkdtempSync(join(tmpdir(), "tf-standin-"));
  const bin = join(dir, "bin");
  mkdirSync(bin);
  for (const name of names) {
    writeFileSync(join(bin, name), SCRIPT);
    chmodSync(join(bin, name), 0o755);
  }
  const log = join(dir, "calls.jsonl");
  writeFileSync(log, "");
  return {
    bin,
    log,
    env: { PATH: `${bin}:${process.env["PATH"]}`, STANDIN_LOG: log },
    calls: () =>
      readFileSync(log, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as StandInCall),
    reset: () => writeFileSync(log, ""),
  };
}
