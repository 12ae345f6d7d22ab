import { SERVICE_LINKED_ROLES, type ServiceLinkedRoleService } from "@infra/config";
import type { IConstruct } from "constructs";
import { perAppState } from "./per-app-state";

export { SERVICE_LINKED_ROLES, type ServiceLinkedRoleService, isServiceLinkedRoleService, serviceLinkedRoleArn } from "@infra/config";

/**
 * What constructs need to exist in the account before they deploy, and which deployment owns it.
 * A key policy that names AWSServiceRoleForAutoScaling is refused by KMS ("MalformedPolicyDocument:
 * invalid principals") until that role exists; a VPC OpenSearch domain needs its service-linked
 * role. Constructs declare the need here while they are built; the env's account foundation
 * deployment (deployed before every other stack) creates what is asked and marks it owned;
 * `unmetAccountRequirements` lists what nobody owns, and composing an env fails on it.
 */

export interface AccountRequirement {
  readonly serviceLinkedRole: ServiceLinkedRoleService;
  /** Construct paths that asked for it. */
  readonly requiredBy: readonly string[];
  /** Construct path of the owner, once one took it. */
  readonly ownedBy?: string;
}

interface Registry {
  readonly serviceLinkedRoles: Map<ServiceLinkedRoleService, { requiredBy: string[]; ownedBy?: string }>;
}

const registryOf = perAppState((): Registry => ({ serviceLinkedRoles: new Map() }));

/** Declare that `scope` needs the service-linked role of `service` to exist before it deploys. */
export function requireServiceLinkedRole(scope: IConstruct, service: ServiceLinkedRoleService): void {
  const map = registryOf(scope).serviceLinkedRoles;
  const entry = map.get(service) ?? { requiredBy: [] };
  if (!entry.requiredBy.includes(scope.node.path)) entry.requiredBy.push(scope.node.path);
  map.set(service, entry);
}

/** The owner (the account foundation) takes a service-linked role: it creates or imports it. */
export function ownServiceLinkedRole(owner: IConstruct, service: ServiceLinkedRoleService): void {
  const map = registryOf(owner).serviceLinkedRoles;
  const entry = map.get(service) ?? { requiredBy: [] };
  if (entry.ownedBy && entry.ownedBy !== owner.node.path) {
    throw new Error(`the service-linked role for ${service} has two owners: ${entry.ownedBy} and ${owner.node.path} (one owner per account)`);
  }
  map.set(service, { ...entry, ownedBy: owner.node.path });
}

/** Every account requirement declared in the app of `scope`, sorted by service. */
export function accountRequirements(scope: IConstruct): AccountRequirement[] {
  return [...registryOf(scope).serviceLinkedRoles.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([serviceLinkedRole, e]) => ({ serviceLinkedRole, requiredBy: [...e.requiredBy], ...(e.ownedBy ? { ownedBy: e.ownedBy } : {}) }));
}

/** Requirements nobody owns, as messages naming who asked and what fixes it. */
export function unmetAccountRequirements(scope: IConstruct): string[] {
  return accountRequirements(scope)
    .filter((r) => r.ownedBy === undefined && r.requiredBy.length > 0)
    .map(
      (r) =>
        `${r.requiredBy.join(", ")} needs the service-linked role ${SERVICE_LINKED_ROLES[r.serviceLinkedRole]} (${r.serviceLinkedRole}) before it deploys, ` +
        "and no deployment of the env creates it: deploy the account foundation (account/foundation) in the env's primary region",
    );
}
