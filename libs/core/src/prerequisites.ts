import { type NeededAt, type Prerequisite, type Requirement, mergePrerequisites, prerequisiteKey } from "@infra/config";
import { TerraformStack } from "cdktf";
import type { IConstruct } from "constructs";
import { DeploymentStack } from "./deployment-stack";
import { perAppState } from "./per-app-state";

/**
 * Constructs declare, while they are built, what must exist before their stack deploys that no
 * stack creates (a secret's value, a registrar delegation, an artifact, a quota): the fresh-account
 * prerequisites `infra preflight` lists and checks (docs/fresh-account.md). A construct that
 * creates such a thing in a stack (a generated secret value, an NS record in a parent zone of the
 * env) says so with `provideRequirement`, and the need is no prerequisite.
 */
export interface PrerequisiteDeclaration {
  readonly requirement: Requirement;
  /** This construct's stack fails without it, at this point. @default not needed by this stack */
  readonly neededAt?: NeededAt;
  /** This stack creates what the value goes into (the secret, the zone, the repository): apply it first. @default false */
  readonly createdHere?: boolean;
  /** Why it is needed and who provides it. */
  readonly reason: string;
  /** Region of the thing. @default the stack's region */
  readonly region?: string;
}

interface Declared {
  readonly declaration: PrerequisiteDeclaration;
  readonly stack: string;
  readonly accountId: string;
  readonly region: string;
  readonly path: string;
}

interface Registry {
  readonly declared: Declared[];
  readonly provided: Set<string>;
  /** Certificates validated through DNS: domain → stacks. Matched to zone delegations by suffix. */
  readonly dnsValidations: { domain: string; stack: string; accountId: string; path: string }[];
}

const registryOf = perAppState((): Registry => ({ declared: [], provided: new Set(), dnsValidations: [] }));

function placeOf(scope: IConstruct): { stack: string; accountId: string; region: string } {
  const stack = TerraformStack.of(scope);
  if (stack instanceof DeploymentStack) {
    return { stack: stack.deployment.stackName, accountId: stack.deployment.provider.allowedAccountIds[0] ?? "unknown", region: stack.deployment.region.name };
  }
  // A bare TerraformStack (construct tests): its name; account and region unknown.
  return { stack: stack.node.id, accountId: "unknown", region: "unknown" };
}

/** Declare a fresh-account prerequisite of `scope`'s stack. */
export function requirePrerequisite(scope: IConstruct, declaration: PrerequisiteDeclaration): void {
  const place = placeOf(scope);
  registryOf(scope).declared.push({ declaration, ...place, region: declaration.region ?? place.region, path: scope.node.path });
}

/** A stack of this app provides `requirement` (in the scope's account; `region` as for requirePrerequisite). */
export function provideRequirement(scope: IConstruct, requirement: Requirement, region?: string): void {
  const place = placeOf(scope);
  registryOf(scope).provided.add(prerequisiteKey({ requirement, accountId: place.accountId, region: region ?? place.region }));
}

/** A certificate in `scope`'s stack is validated through DNS records under `domain`: its zone must be delegated. */
export function requireDnsValidation(scope: IConstruct, domain: string): void {
  const place = placeOf(scope);
  registryOf(scope).dnsValidations.push({
    domain: domain.replace(/^\*\./, "").replace(/\.$/, ""),
    stack: place.stack,
    accountId: place.accountId,
    path: scope.node.path,
  });
}

/**
 * Every prerequisite declared in the app of `scope`, merged per account, region and requirement,
 * without the ones a stack provides. Zone delegations gain the stacks whose certificates validate
 * under the zone (the most specific delegated zone that contains the domain).
 */
export function declaredPrerequisites(scope: IConstruct): Prerequisite[] {
  const registry = registryOf(scope);
  const list: Prerequisite[] = registry.declared.map((d) => ({
    requirement: d.declaration.requirement,
    accountId: d.accountId,
    region: d.region,
    neededBy: d.declaration.neededAt ? [{ stack: d.stack, neededAt: d.declaration.neededAt }] : [],
    after: d.declaration.createdHere ? [d.stack] : [],
    reason: d.declaration.reason,
    declaredBy: [d.path],
  }));
  const merged = mergePrerequisites(list).filter((p) => !registry.provided.has(prerequisiteKey(p)));
  const zones = merged.filter((p) => p.requirement.kind === "zone-delegation");
  return merged.map((p) => {
    if (p.requirement.kind !== "zone-delegation") return p;
    const zone = p.requirement.zone.replace(/\.$/, "");
    const validations = registry.dnsValidations.filter((v) => {
      if (v.accountId !== p.accountId || (v.domain !== zone && !v.domain.endsWith(`.${zone}`))) return false;
      // A more specific zone of the same account takes the domain.
      return !zones.some((other) => {
        if (other === p || other.accountId !== p.accountId || other.requirement.kind !== "zone-delegation") return false;
        const o = other.requirement.zone.replace(/\.$/, "");
        return o.length > zone.length && (v.domain === o || v.domain.endsWith(`.${o}`));
      });
    });
    if (validations.length === 0) return p;
    return mergePrerequisites([
      p,
      { ...p, neededBy: validations.map((v) => ({ stack: v.stack, neededAt: "apply" as const })), declaredBy: validations.map((v) => v.path) },
    ])[0]!;
  });
}
