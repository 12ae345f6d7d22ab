/**
 * cdktf records the full call stack of every token it creates (Error.captureStackTrace with an
 * unlimited depth on a plain object), only to print it if that token later fails to resolve. For
 * an env of a thousand resources, formatting those stacks is most of the time spent building the
 * constructs. This formats real Errors exactly as V8 does and skips the formatting for everything
 * else, so cdktf's token "creation stack" comes back empty.
 *
 * Called by the synth entry points (env apps, the ops CLI), not by tests. Set
 * INFRA_TOKEN_STACK_TRACES=1 to keep cdktf's token creation stacks while debugging a resolution error.
 */
export function skipTokenCreationStacks(): void {
  if (process.env["INFRA_TOKEN_STACK_TRACES"] === "1") return;
  // Not even collect the frames for plain objects (cdktf raises the stack limit to infinity for them).
  const capture = Error.captureStackTrace.bind(Error);
  Error.captureStackTrace = (target: object, constructorOpt?: Parameters<typeof capture>[1]): void => {
    if (target instanceof Error) capture(target, constructorOpt);
  };
  Error.prepareStackTrace = (error: unknown, frames: NodeJS.CallSite[]): string => {
    if (!(error instanceof Error)) return "";
    const header = error.message ? `${error.name}: ${error.message}` : error.name;
    return [header, ...frames.map((frame) => `    at ${String(frame)}`)].join("\n");
  };
}
