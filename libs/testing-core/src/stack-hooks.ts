type Hooks = { capture: typeof Error.captureStackTrace; prepare: typeof Error.prepareStackTrace };
const KEY = Symbol.for("infra.testing.v8StackHooks");
const holder = globalThis as { [KEY]?: Hooks };
// The first load in a worker sees V8's own hooks; later files (isolate: false) find them stashed.
holder[KEY] ??= { capture: Error.captureStackTrace, prepare: Error.prepareStackTrace };

/** V8's own Error.captureStackTrace / Error.prepareStackTrace, as the worker started with them. */
export const v8StackHooks: Hooks = holder[KEY];

/**
 * Put V8's own stack hooks back. The test setup skips cdktf's token creation stacks (a patched
 * prepareStackTrace); a test of code that reads structured call sites (typescript-eslint's config,
 * the stack-trace helper itself) calls this first.
 */
export function restoreV8StackHooks(): void {
  Error.captureStackTrace = v8StackHooks.capture;
  Error.prepareStackTrace = v8StackHooks.prepare;
}
