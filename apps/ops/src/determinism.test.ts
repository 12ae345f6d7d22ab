import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { PLACEHOLDER_GUARD_CONDITION } from "@infra/core";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..", "..", "..");
/** An absolute path of the synthesizing machine, starting a JSON string or a word (not a segment of an S3 key or ARN). */
const MACHINE_PATH = /(?<=^|["'\s=(])(?:\/home\/(?!ec2-user\/|ssm-user\/)|\/Users\/|\/root\/|\/work\/|[A-Za-z]:\\\\)[^"\s]*/;

function synthTo(env: string): string {
  const outdir = mkdtempSync(join(tmpdir(), `det-${env}-`));
  const r = spawnSync(process.execPath, ["--import", "tsx", "--", `apps/${env}/src/main.ts`], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.base.json", CDKTF_OUTDIR: outdir },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`synth ${env} failed: ${r.stderr}`);
  return outdir;
}

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, "utf8"));
    }
  };
  walk(dir);
  return out;
}

describe.each(["dev", "staging", "uat", "prod"])("synth of %s", (env) => {
  it("is byte-identical across two runs and free of machine-specific values", () => {
    const a = synthTo(env);
    const b = synthTo(env);
    const first = files(a);
    const second = files(b);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [path, text] of first) expect(second.get(path), path).toBe(text);
    for (const [path, text] of first) {
      expect(text.includes(a), `${path} contains the output directory`).toBe(false);
      expect(text.includes(ROOT), `${path} contains the workspace path`).toBe(false);
      // Except the fresh-env guard's precondition, which sets no attribute (docs/fresh-env-plan.md).
      const checked = text.split(JSON.stringify(PLACEHOLDER_GUARD_CONDITION).slice(1, -1)).join("");
      expect(/timestamp\(\)/.test(checked), `${path} calls Terraform's timestamp function`).toBe(false);
      // Paths of the machine that synthesized (home directories, this workspace, Windows drives). /tmp is
      // checked through the output directory above: EC2 user data legitimately writes to the host's /tmp.
      expect(MACHINE_PATH.exec(text)?.[0], `${path} contains a machine-specific absolute path`).toBeUndefined();
    }
  });
});
