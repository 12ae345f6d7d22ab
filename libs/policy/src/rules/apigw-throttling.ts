import type { PolicyRule } from "../types";
import { asNumber, finding, get } from "./helpers";

/** Without stage limits, one client can use the whole account's API Gateway quota (and budget). */
export const apigwThrottling: PolicyRule = {
  id: "INF-APIGW-002",
  title: "API Gateway v2 stage sets default throttling (burst and rate)",
  mirrors: ["Serverless-APIGWDefaultThrottling"],
  catalogue: [51],
  resourceTypes: ["aws_apigatewayv2_stage"],
  severity: "medium",
  check(stage) {
    return ["throttling_burst_limit", "throttling_rate_limit"]
      .filter((key) => !((asNumber(get(stage.values, `default_route_settings.${key}`)) ?? 0) > 0))
      .map((key) => finding(`default_route_settings.${key}`, get(stage.values, `default_route_settings.${key}`), "> 0"));
  },
};
