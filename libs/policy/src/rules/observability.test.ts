import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { alarmActions } from "./alarm-actions";
import { apigwAccessLogs } from "./apigw-access-logs";
import { apigwRouteAuth } from "./apigw-route-auth";
import { apigwThrottling } from "./apigw-throttling";
import { CMK } from "./helpers";
import { logGroupEncryption } from "./log-group-encryption";
import { logGroupRetention, RETENTION_DAYS } from "./log-group-retention";

const stage = (values: object) => ({ aws_apigatewayv2_stage: { s: values } });
const jsonFormat = JSON.stringify({ requestId: "$context.requestId", status: "$context.status" });

describe("INF-APIGW-001 access logs", () => {
  it("Compliance: a JSON format to a log group passes", () =>
    expect(statuses(apigwAccessLogs, stage({ access_log_settings: { destination_arn: "${aws_cloudwatch_log_group.api.arn}", format: jsonFormat } }))).toEqual({
      "aws_apigatewayv2_stage.s": "passed",
    }));
  it("Noncompliance: a CLF format, and no access logs, fail", () => {
    expect(
      failures(apigwAccessLogs, stage({ access_log_settings: { destination_arn: "arn", format: "$context.identity.sourceIp $context.requestId" } })),
    ).toEqual([
      {
        rule: "INF-APIGW-001",
        address: "aws_apigatewayv2_stage.s",
        attribute: "access_log_settings.format",
        found: "$context.identity.sourceIp $context.requestId",
        expected: 'a JSON object format, e.g. {"requestId":"$context.requestId",...}',
      },
    ]);
    expect(failures(apigwAccessLogs, stage({}))).toEqual([
      {
        rule: "INF-APIGW-001",
        address: "aws_apigatewayv2_stage.s",
        attribute: "access_log_settings.destination_arn",
        found: "unset",
        expected: "a log group ARN",
      },
    ]);
  });
});

describe("INF-APIGW-002 throttling", () => {
  it("Compliance: burst and rate set pass", () =>
    expect(statuses(apigwThrottling, stage({ default_route_settings: { throttling_burst_limit: 100, throttling_rate_limit: 50 } }))).toEqual({
      "aws_apigatewayv2_stage.s": "passed",
    }));
  it("Noncompliance: a missing rate limit fails", () =>
    expect(failures(apigwThrottling, stage({ default_route_settings: { throttling_burst_limit: 100 } }))).toEqual([
      {
        rule: "INF-APIGW-002",
        address: "aws_apigatewayv2_stage.s",
        attribute: "default_route_settings.throttling_rate_limit",
        found: "unset",
        expected: "> 0",
      },
    ]));
});

describe("INF-APIGW-003 route authorization", () => {
  const apis = { aws_apigatewayv2_api: { http: { protocol_type: "HTTP" }, ws: { protocol_type: "WEBSOCKET" } } };
  it("Compliance: a JWT route and an IAM $connect pass; other WebSocket routes are not checked", () =>
    expect(
      statuses(apigwRouteAuth, {
        ...apis,
        aws_apigatewayv2_route: {
          get: { api_id: "${aws_apigatewayv2_api.http.id}", route_key: "GET /flights", authorization_type: "JWT" },
          connect: { api_id: "${aws_apigatewayv2_api.ws.id}", route_key: "$connect", authorization_type: "CUSTOM" },
          message: { api_id: "${aws_apigatewayv2_api.ws.id}", route_key: "sendMessage" },
        },
      }),
    ).toEqual({ "aws_apigatewayv2_route.get": "passed", "aws_apigatewayv2_route.connect": "passed" }));
  it("Noncompliance: an anonymous HTTP route and $connect fail", () =>
    expect(
      failures(apigwRouteAuth, {
        ...apis,
        aws_apigatewayv2_route: {
          get: { api_id: "${aws_apigatewayv2_api.http.id}", route_key: "GET /flights", authorization_type: "NONE" },
          connect: { api_id: "${aws_apigatewayv2_api.ws.id}", route_key: "$connect" },
        },
      }),
    ).toEqual([
      { rule: "INF-APIGW-003", address: "aws_apigatewayv2_route.get", attribute: "authorization_type", found: "NONE", expected: "JWT, AWS_IAM, CUSTOM" },
      { rule: "INF-APIGW-003", address: "aws_apigatewayv2_route.connect", attribute: "authorization_type", found: "NONE", expected: "JWT, AWS_IAM, CUSTOM" },
    ]));
});

describe("INF-LOG-001 log group encryption", () => {
  it("Compliance: our key passes", () =>
    expect(statuses(logGroupEncryption, { aws_kms_key: { logs: {} }, aws_cloudwatch_log_group: { g: { kms_key_id: "${aws_kms_key.logs.arn}" } } })).toEqual({
      "aws_cloudwatch_log_group.g": "passed",
    }));
  it("Noncompliance: no key, or a key that is not KMS, fails", () =>
    expect(
      failures(logGroupEncryption, { aws_s3_bucket: { b: {} }, aws_cloudwatch_log_group: { g: {}, h: { kms_key_id: "${aws_s3_bucket.b.arn}" } } }),
    ).toEqual([
      { rule: "INF-LOG-001", address: "aws_cloudwatch_log_group.g", attribute: "kms_key_id", found: "unset", expected: CMK },
      { rule: "INF-LOG-001", address: "aws_cloudwatch_log_group.h", attribute: "kms_key_id", found: "${aws_s3_bucket.b.arn}", expected: CMK },
    ]));
});

describe("INF-LOG-002 log retention", () => {
  it("Compliance: 7 (dev) and 365 (prod) pass", () =>
    expect(statuses(logGroupRetention, { aws_cloudwatch_log_group: { dev: { retention_in_days: 7 }, prod: { retention_in_days: 365 } } })).toEqual({
      "aws_cloudwatch_log_group.dev": "passed",
      "aws_cloudwatch_log_group.prod": "passed",
    }));
  it("Noncompliance: unset, 0 (forever) and a value CloudWatch rejects fail", () => {
    const expected = `one of ${RETENTION_DAYS.join(", ")}`;
    expect(failures(logGroupRetention, { aws_cloudwatch_log_group: { unset: {}, forever: { retention_in_days: 0 }, odd: { retention_in_days: 10 } } })).toEqual(
      [
        { rule: "INF-LOG-002", address: "aws_cloudwatch_log_group.unset", attribute: "retention_in_days", found: "unset", expected },
        { rule: "INF-LOG-002", address: "aws_cloudwatch_log_group.forever", attribute: "retention_in_days", found: "0", expected },
        { rule: "INF-LOG-002", address: "aws_cloudwatch_log_group.odd", attribute: "retention_in_days", found: "10", expected },
      ],
    );
  });
});

describe("INF-CW-001 alarm actions", () => {
  it("Compliance: an enabled alarm to an encrypted topic passes", () =>
    expect(
      statuses(alarmActions, {
        aws_sns_topic: { alerts: { kms_master_key_id: "${aws_kms_key.k.id}" } },
        aws_cloudwatch_metric_alarm: { a: { alarm_actions: ["${aws_sns_topic.alerts.arn}"] } },
      }),
    ).toEqual({
      "aws_cloudwatch_metric_alarm.a": "passed",
    }));
  it("Noncompliance: disabled actions to an unencrypted topic, and no actions, fail", () =>
    expect(
      failures(alarmActions, {
        aws_sns_topic: { alerts: {} },
        aws_cloudwatch_metric_alarm: { a: { actions_enabled: false, alarm_actions: ["${aws_sns_topic.alerts.arn}"] }, mute: {} },
      }),
    ).toEqual([
      { rule: "INF-CW-001", address: "aws_cloudwatch_metric_alarm.a", attribute: "actions_enabled", found: "false", expected: "true" },
      {
        rule: "INF-CW-001",
        address: "aws_cloudwatch_metric_alarm.a",
        attribute: "aws_sns_topic.alerts.kms_master_key_id",
        found: "unset",
        expected: "a KMS key on the alarm topic",
      },
      { rule: "INF-CW-001", address: "aws_cloudwatch_metric_alarm.mute", attribute: "alarm_actions", found: "unset", expected: "an SNS topic" },
    ]));
});
