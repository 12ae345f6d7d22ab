/** Names derived from config: stack names, state keys, bucket names. One place, so they stay stable. */

export interface DeploymentPath {
  readonly env: string;
  readonly region: string;
  readonly category: string;
  readonly module: string;
}

/** `{env}-{region}-{category}-{module}`: unique per env, stable across refactors of the code. */
export function stackName(p: DeploymentPath): string {
  return `${p.env}-${p.region}-${p.category}-${p.module}`;
}

/** The deployment's id within its env: `{region}/{category}/{module}`. */
export function deploymentId(p: Omit<DeploymentPath, "env">): string {
  return `${p.region}/${p.category}/${p.module}`;
}

/**
 * The id of a module's deployment in a region (what an env waiver's `deployments` lists), from the
 * module definition itself rather than a hand-typed string.
 */
export function deploymentIdOf(module: { readonly category: string; readonly module: string }, region: string): string {
  return deploymentId({ region, category: module.category, module: module.module });
}

export function fillPattern(pattern: string, values: Readonly<Record<string, string>>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

export function stateKey(pattern: string, p: DeploymentPath): string {
  return fillPattern(pattern, { env: p.env, region: p.region, category: p.category, module: p.module });
}
