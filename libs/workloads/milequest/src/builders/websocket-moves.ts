import type { WebSocketApi } from "@infra/apigateway";
import { moveChildrenFrom } from "./rest-api-moves";

/**
 * Mile Quest's WebSocket API moved from raw resources in its builder onto `@infra/apigateway`'s
 * WebSocketApi (ADR 0080). The real API, routes, stage, domain and permissions stay: each moves to
 * its new address through a `moved` block, so the first plan after the refactor shows moves and
 * in-place updates, never a destroy. A deployment that never had the old addresses ignores them.
 */

/** The old per-route id: "$connect" → "connect". Also the suffix of the kept permission statement ids. */
export function legacyWsRouteId(routeKey: string): string {
  return routeKey.replace(/\$/g, "");
}

/** The old route permissions lived under their functions; their logical ids carry cdktf's hash of that path. */
const LEGACY_PERMISSIONS: Readonly<Record<string, string>> = {
  connect: "wsConnect_allow-ws-connect_642BCC7F",
  disconnect: "wsDisconnect_allow-ws-disconnect_FC07FF8F",
  aggregateProgress: "aggregateProgress_allow-ws-aggregateProgress_AAEAB610",
};

/** Old address (without the type) of each WebSocketApi child, by the child's construct id. */
export function legacyWsAddresses(routeKeys: readonly string[]): Map<string, string> {
  const map = new Map<string, string>([
    ["api", "api"],
    ["connect-authorizer", "jwt-authorizer"],
    ["connect-authorizer-permission", "authorizer-permission"],
    ["access-logs", "access-logs"],
    ["stage", "stage"],
    ["domain", "ws-domain"],
    ["domain-mapping", "ws-mapping"],
  ]);
  for (const key of routeKeys) {
    // WebSocketApi's child ids drop the leading "$" only; Mile Quest's keys have no other "$" or "/".
    const id = legacyWsRouteId(key);
    map.set(`integration-${id}`, `integration-${id}`);
    map.set(`route-${id}`, `route-${id}`);
    const permission = LEGACY_PERMISSIONS[id];
    if (!permission) throw new Error(`WebSocket route "${key}" has no recorded pre-library permission address: add it to LEGACY_PERMISSIONS or drop the move`);
    map.set(`integration-${id}-permission`, permission);
  }
  return map;
}

/** Give every WebSocketApi child that existed before the refactor a `moved` block from its old address. */
export function keepLegacyWsAddresses(api: WebSocketApi, routeKeys: readonly string[]): void {
  moveChildrenFrom(api, legacyWsAddresses(routeKeys));
}
