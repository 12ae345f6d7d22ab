/** One process of a validate run. Pure data, so what is run can be tested without tofu. */
export interface ProcessSpec {
  readonly command: string;
  readonly args: readonly string[];
  /** Absolute working directory (the stack's directory). */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
}

/**
 * `init -backend=false` (no state, no credentials: the S3 backend block is skipped) against the
 * mirror named in the CLI config, then `validate -json`. Colour off: the output is parsed.
 */
export function validateCommands(tofu: string, stackDir: string, env: Readonly<Record<string, string>>): { init: ProcessSpec; validate: ProcessSpec } {
  return {
    init: { command: tofu, args: ["init", "-backend=false", "-input=false", "-no-color"], cwd: stackDir, env },
    validate: { command: tofu, args: ["validate", "-json", "-no-color"], cwd: stackDir, env },
  };
}
