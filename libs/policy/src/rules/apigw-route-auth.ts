import type { PolicyRule } from "../types";
import { finding } from "./helpers";

const AUTHORIZED = ["JWT", "AWS_IAM", "CUSTOM"];

/**
 * Every HTTP route has an authorizer (health checks carry a waiver). On WebSocket APIs
 * authorization happens once, on $connect; other routes cannot carry one.
 */
export const apigwRouteAuth: PolicyRule = {
  id: "INF-APIGW-003",
  title: "API Gateway v2 routes require authorization (WebSocket: $connect)",
  mirrors: ["CKV_AWS_309", "AwsSolutions-APIG4"],
  catalogue: [52],
  resourceTypes: ["aws_apigatewayv2_route"],
  severity: "high",
  appliesTo(route, index) {
    const api = index.resolve(route.values["api_id"]);
    return api?.values["protocol_type"] !== "WEBSOCKET" || route.values["route_key"] === "$connect";
  },
  check(route) {
    const type = route.values["authorization_type"];
    return AUTHORIZED.includes(type as string) ? [] : [finding("authorization_type", type ?? "NONE", AUTHORIZED.join(", "))];
  },
};
