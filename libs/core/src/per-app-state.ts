import type { IConstruct } from "constructs";

/**
 * State shared by every construct of one app (one env's synth) and found from any of them: the
 * registries through which constructs of different libraries and stacks find each other (keys and
 * publish targets by the ARN tokens their users hold, prerequisites, account requirements). Keyed
 * weakly by the construct tree's root, so two apps (two tests in one worker) never share state.
 *
 * @example
 * const registryOf = perAppState(() => new Map<string, Thing>());
 * registryOf(anyConstructOfTheApp).set(ref, thing);
 */
export function perAppState<T>(create: () => T): (scope: IConstruct) => T {
  const states = new WeakMap<IConstruct, T>();
  return (scope) => {
    const root = scope.node.root;
    let state = states.get(root);
    if (state === undefined) {
      state = create();
      states.set(root, state);
    }
    return state;
  };
}
