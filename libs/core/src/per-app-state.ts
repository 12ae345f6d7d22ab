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

/**
 * A per-app registry of constructs found by the strings their users hold (an ARN, id or alias
 * token): a construct that only received `kmsKeyArn: string` or `topicArn: string` still reaches
 * the key or topic it names, when that is a construct of the same app.
 */
export interface ReferenceRegistry<T> {
  /** Make `target` findable by each of `references`. */
  register(target: T & IConstruct, references: readonly string[]): void;
  /** The construct of `scope`'s app that `reference` names; undefined for undefined or a stranger. */
  find(scope: IConstruct, reference: string | undefined): T | undefined;
}

export function referenceRegistry<T>(): ReferenceRegistry<T> {
  const registryOf = perAppState(() => new Map<string, T>());
  return {
    register(target, references) {
      const map = registryOf(target);
      for (const ref of references) map.set(ref, target);
    },
    find(scope, reference) {
      return reference === undefined ? undefined : registryOf(scope).get(reference);
    },
  };
}
