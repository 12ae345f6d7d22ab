/** Amplify branches and their sub-domains, as typed data validated before synth. */

export type BranchStage = "PRODUCTION" | "DEVELOPMENT" | "BETA" | "PULL_REQUEST" | "EXPERIMENTAL";

export interface BranchProps {
  /** Git branch, e.g. "main" or "staging" (seed 003). */
  readonly branchName: string;
  readonly stage: BranchStage;
  /** Build on every push. @default true */
  readonly enableAutoBuild?: boolean;
  /** @default "Next.js - SSR" */
  readonly framework?: string;
  /** Preview deployments for pull requests targeting this branch. @default false */
  readonly enablePullRequestPreview?: boolean;
  /** Branch-level environment variables (non-secret), merged over the app's. @default {} */
  readonly environmentVariables?: Readonly<Record<string, string>>;
  /**
   * Sub-domain of the custom domain served by this branch: "" is the apex, "www", "staging".
   * @default not on the custom domain
   */
  readonly subDomainPrefix?: string;
}

const PREFIX_RE = /^$|^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

export function validateBranches(appName: string, branches: readonly BranchProps[], hasDomain: boolean): void {
  const names = new Set<string>();
  const prefixes = new Set<string>();
  for (const b of branches) {
    const where = `AmplifyApp ${appName} branch ${JSON.stringify(b.branchName)}`;
    if (b.branchName.trim() === "") throw new RangeError(`AmplifyApp ${appName}: branchName must not be empty`);
    if (names.has(b.branchName)) throw new RangeError(`${where}: listed twice`);
    names.add(b.branchName);
    if (b.subDomainPrefix !== undefined) {
      if (!hasDomain) throw new RangeError(`${where}: has subDomainPrefix but the app has no customDomain`);
      if (!PREFIX_RE.test(b.subDomainPrefix)) throw new RangeError(`${where}: subDomainPrefix ${JSON.stringify(b.subDomainPrefix)} is not a DNS label`);
      if (prefixes.has(b.subDomainPrefix)) throw new RangeError(`${where}: sub-domain ${JSON.stringify(b.subDomainPrefix)} is served by another branch`);
      prefixes.add(b.subDomainPrefix);
    }
  }
  if (branches.filter((b) => b.stage === "PRODUCTION").length > 1) throw new RangeError(`AmplifyApp ${appName}: at most one PRODUCTION branch`);
}
