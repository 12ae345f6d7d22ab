import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Aspects, type IAspect, TerraformStack, Testing } from "cdktf";
import type { Construct } from "constructs";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** Synthesized Terraform JSON of a test stack: the blocks construct tests read. */
export interface TerraformJson {
  readonly resource?: Record<string, Json>;
  readonly data?: Record<string, Json>;
  readonly output?: Json;
  readonly [block: string]: unknown;
}

/** How the test stack is synthesized. */
export interface SynthOptions {
  /** Aspects of the stack. @default none */
  readonly aspects?: readonly IAspect[];
}

/**
 * The one synth helper of construct tests: `build` adds constructs to a one-stack test app that has an
 * AWS provider (us-east-1), and the stack's Terraform JSON comes back parsed. Depends on cdktf only,
 * so every construct library can use it without a cycle (ADR 0051). `options.aspects` are added to
 * the stack before it synthesizes (e.g. core's LibraryTagAspect, as the apps add it).
 */
export function synthTerraform(build: (stack: TerraformStack & Construct) => void, options: SynthOptions = {}): TerraformJson {
  const app = Testing.app();
  const stack = new TerraformStack(app, "test");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  for (const aspect of options.aspects ?? []) Aspects.of(stack).add(aspect);
  build(stack);
  return JSON.parse(Testing.synth(stack)) as TerraformJson;
}

/** A library construct class: props come third. */
export type ConstructClass<P> = new (scope: Construct, id: string, props: P) => unknown;

/** The builder of one construct with `base` props and a test's overrides on top. */
export function buildWith<P extends object>(construct: ConstructClass<P>, id: string, base: P, overrides: Partial<P>): (scope: Construct) => void {
  return (scope) => {
    new construct(scope, id, { ...base, ...overrides });
  };
}
