import type { PolicyRule } from "../types";
import { finding, get } from "./helpers";

/** A structured (JSON) access log per request: who called what, with which result and latency. */
export const apigwAccessLogs: PolicyRule = {
  id: "INF-APIGW-001",
  title: "API Gateway v2 stage writes JSON access logs",
  mirrors: ["CKV_AWS_76", "AwsSolutions-APIG1"],
  catalogue: [50],
  resourceTypes: ["aws_apigatewayv2_stage"],
  severity: "medium",
  check(stage) {
    const destination = get(stage.values, "access_log_settings.destination_arn");
    if (!destination) return [finding("access_log_settings.destination_arn", undefined, "a log group ARN")];
    const format = get(stage.values, "access_log_settings.format");
    try {
      const parsed = JSON.parse(String(format)) as unknown;
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return [];
    } catch {
      // not JSON: reported below
    }
    return [finding("access_log_settings.format", format, 'a JSON object format, e.g. {"requestId":"$context.requestId",...}')];
  },
};
