import { ValidateBinaryVersion } from "cdktf/lib/validations/validate-binary-version";

const ONCE = Symbol.for("infra.binaryVersionChecksOncePerProcess");
type Check = { binary: string; versionConstraint: string; versionCommand: string; hint?: string };

/**
 * cdktf checks at synth that the Terraform binary is recent enough for the blocks a stack uses (moved
 * and import blocks, terraform_data): every such stack runs `terraform version` through a shell, ten
 * times for prod and ~80 times in the preflight tests, ~50 ms of CPU each. The binary cannot change
 * while a process runs, so each distinct check (binary, constraint, command, hint) runs once per
 * process; later stacks get its result: the same pass, or the same error.
 *
 * Called by the synth entry points (env apps, the ops CLI) and the vitest setup, like
 * `skipTokenCreationStacks`. Idempotent.
 */
export function checkBinaryVersionsOncePerProcess(): void {
  const proto = ValidateBinaryVersion.prototype as ValidateBinaryVersion & { [ONCE]?: true };
  if (proto[ONCE]) return;
  const validate = proto.validate;
  const results = new Map<string, readonly string[]>();
  proto.validate = function (this: ValidateBinaryVersion): string[] {
    const c = this as unknown as Check;
    const key = JSON.stringify([c.binary, c.versionConstraint, c.versionCommand, c.hint ?? null]);
    let result = results.get(key);
    if (!result) results.set(key, (result = validate.call(this)));
    return [...result];
  };
  proto[ONCE] = true;
}
