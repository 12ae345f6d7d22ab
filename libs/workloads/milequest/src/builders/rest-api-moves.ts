import type { RestApi } from "@infra/apigateway";
import { planRestResources } from "@infra/apigateway";
import { TerraformResource } from "cdktf";
import type { IConstruct } from "constructs";

/**
 * Mile Quest's REST API moved from raw resources in its builder onto `@infra/apigateway`'s RestApi
 * (ADR 0030). The real API, its resources, methods, stage, domain and permissions stay: each moves
 * to its new address through a `moved` block, so the first plan after the refactor shows moves and
 * in-place updates, never a destroy. A deployment that never had the old addresses ignores them.
 */

interface LegacyRoute {
  readonly method: string;
  readonly path: string;
}

/** The old per-route id: "post-teams-teamId-invitations". Also the suffix of the kept permission statement ids. */
export function legacyRouteId(route: LegacyRoute): string {
  return `${route.method.toLowerCase()}${route.path.replace(/[{}]/g, "").replace(/\//g, "-")}`;
}

/** The old invoke permissions lived under their functions; their logical ids carry cdktf's hash of that path. */
const LEGACY_PERMISSIONS: Readonly<Record<string, string>> = {
  authorizer: "authorizer_allow-rest-authorizer_35681DEA",
  "post-map-routes": "calculateRoute_allow-rest-post-map-routes_81E239E0",
  "post-teams": "createTeam_allow-rest-post-teams_967A1DAA",
  "get-map-geocode": "geocodeAddress_allow-rest-get-map-geocode_9F444837",
  "post-teams-teamId-invitations": "inviteMembers_allow-rest-post-teams-teamId-invitations_D94133ED",
  "post-activities": "logActivity_allow-rest-post-activities_8673555C",
  "post-auth-login": "login_allow-rest-post-auth-login_D08D88E9",
  "post-auth-refresh": "refresh_allow-rest-post-auth-refresh_0EF067CF",
  "post-auth-register": "register_allow-rest-post-auth-register_7DB51991",
  "post-activities-sync": "syncActivity_allow-rest-post-activities-sync_A6822BB2",
  "patch-teams-teamId": "updateTeam_allow-rest-patch-teams-teamId_868B6180",
};

/** RestApi's child id for a route or resource path (the library's `idOf`: slashes become dots). */
const libraryId = (path: string) => path.replace(/\//g, ".");

/** Old address (without the type) of each RestApi child, by the child's construct id. */
export function legacyAddresses(routes: readonly LegacyRoute[]): Map<string, string> {
  const map = new Map<string, string>([
    ["api", "api"],
    ["authorizer", "jwt-authorizer"],
    ["authorizer-permission", LEGACY_PERMISSIONS["authorizer"]!],
    ["deployment", "deployment"],
    ["access-logs", "access-logs"],
    ["stage", "stage"],
    ["method-settings", "throttling"],
    ["domain", "origin-domain"],
    ["domain-mapping", "origin-mapping"],
  ]);
  for (const r of planRestResources(routes.map((x) => x.path))) {
    map.set(`resource${libraryId(r.path)}`, `resource${r.path.replace(/[{}]/g, "").replace(/\//g, "-")}`);
  }
  for (const route of routes) {
    const rid = `${route.method}${libraryId(route.path)}`;
    const old = legacyRouteId(route);
    map.set(`method-${rid}`, `method-${old}`);
    map.set(`integration-${rid}`, `integration-${old}`);
    const permission = LEGACY_PERMISSIONS[old];
    if (permission) map.set(`permission-${rid}`, permission);
  }
  return map;
}

/** Give every RestApi child that existed before the refactor a `moved` block from its old address. */
export function keepLegacyAddresses(api: RestApi, routes: readonly LegacyRoute[]): void {
  moveChildrenFrom(api, legacyAddresses(routes));
}

/**
 * A `moved` block for each resource child of `parent` whose construct id `legacy` maps to its old
 * resource name (same type, same stack). Shared by the REST and WebSocket API moves.
 */
export function moveChildrenFrom(parent: IConstruct, legacy: ReadonlyMap<string, string>): void {
  for (const child of parent.node.children) {
    if (!(child instanceof TerraformResource)) continue;
    const old = legacy.get(child.node.id);
    if (old) child.moveFromId(`${child.terraformResourceType}.${old}`);
  }
}
