import { ruleCases } from "../rule-cases";
import { alarmActions } from "./alarm-actions";
import { apigwAccessLogs } from "./apigw-access-logs";
import { apigwRouteAuth } from "./apigw-route-auth";
import { apigwThrottling } from "./apigw-throttling";
import { CMK } from "./helpers";
import { logGroupEncryption } from "./log-group-encryption";
import { logGroupRetention, RETENTION_DAYS } from "./log-group-retention";

const stage = (values: object) => ({ aws_apigatewayv2_stage: { s: values } });
const jsonFormat = JSON.stringify({ requestId: "$context.requestId", status: "$context.status" });

ruleCases(apigwAccessLogs, "INF-APIGW-001 access logs", {
  compliant: {
    name: "a JSON format to a log group passes",
    input: () => stage({ access_log_settings: { destination_arn: "${aws_cloudwatch_log_group.api.arn}", format: jsonFormat } }),
    statuses: { "aws_apigatewayv2_stage.s": "passed" },
  },
  noncompliant: [
    {
      name: "a CLF format fails",
      input: () => stage({ access_log_settings: { destination_arn: "arn", format: "$context.identity.sourceIp $context.requestId" } }),
      failures: [
        {
          address: "aws_apigatewayv2_stage.s",
          attribute: "access_log_settings.format",
          found: "$context.identity.sourceIp $context.requestId",
          expected: 'a JSON object format, e.g. {"requestId":"$context.requestId",...}',
        },
      ],
    },
    {
      name: "no access logs fail",
      input: () => stage({}),
      failures: [{ address: "aws_apigatewayv2_stage.s", attribute: "access_log_settings.destination_arn", found: "unset", expected: "a log group ARN" }],
    },
  ],
});

ruleCases(apigwThrottling, "INF-APIGW-002 throttling", {
  compliant: {
    name: "burst and rate set pass",
    input: () => stage({ default_route_settings: { throttling_burst_limit: 100, throttling_rate_limit: 50 } }),
    statuses: {
      "aws_apigatewayv2_stage.s": "passed",
    },
  },
  noncompliant: [
    {
      name: "a missing rate limit fails",
      input: () => stage({ default_route_settings: { throttling_burst_limit: 100 } }),
      failures: [
        {
          address: "aws_apigatewayv2_stage.s",
          attribute: "default_route_settings.throttling_rate_limit",
          found: "unset",
          expected: "> 0",
        },
      ],
    },
  ],
});

const apis = { aws_apigatewayv2_api: { http: { protocol_type: "HTTP" }, ws: { protocol_type: "WEBSOCKET" } } };

ruleCases(apigwRouteAuth, "INF-APIGW-003 route authorization", {
  compliant: {
    name: "a JWT route and an IAM $connect pass; other WebSocket routes are not checked",
    input: () => ({
      ...apis,
      aws_apigatewayv2_route: {
        get: { api_id: "${aws_apigatewayv2_api.http.id}", route_key: "GET /flights", authorization_type: "JWT" },
        connect: { api_id: "${aws_apigatewayv2_api.ws.id}", route_key: "$connect", authorization_type: "CUSTOM" },
        message: { api_id: "${aws_apigatewayv2_api.ws.id}", route_key: "sendMessage" },
      },
    }),
    statuses: { "aws_apigatewayv2_route.get": "passed", "aws_apigatewayv2_route.connect": "passed" },
  },
  noncompliant: [
    {
      name: "an anonymous HTTP route and $connect fail",
      input: () => ({
        ...apis,
        aws_apigatewayv2_route: {
          get: { api_id: "${aws_apigatewayv2_api.http.id}", route_key: "GET /flights", authorization_type: "NONE" },
          connect: { api_id: "${aws_apigatewayv2_api.ws.id}", route_key: "$connect" },
        },
      }),
      failures: [
        { address: "aws_apigatewayv2_route.get", attribute: "authorization_type", found: "NONE", expected: "JWT, AWS_IAM, CUSTOM" },
        { address: "aws_apigatewayv2_route.connect", attribute: "authorization_type", found: "NONE", expected: "JWT, AWS_IAM, CUSTOM" },
      ],
    },
  ],
});

ruleCases(logGroupEncryption, "INF-LOG-001 log group encryption", {
  compliant: {
    name: "our key passes",
    input: () => ({ aws_kms_key: { logs: {} }, aws_cloudwatch_log_group: { g: { kms_key_id: "${aws_kms_key.logs.arn}" } } }),
    statuses: {
      "aws_cloudwatch_log_group.g": "passed",
    },
  },
  noncompliant: [
    {
      name: "no key, or a key that is not KMS, fails",
      input: () => ({ aws_s3_bucket: { b: {} }, aws_cloudwatch_log_group: { g: {}, h: { kms_key_id: "${aws_s3_bucket.b.arn}" } } }),
      failures: [
        { address: "aws_cloudwatch_log_group.g", attribute: "kms_key_id", found: "unset", expected: CMK },
        { address: "aws_cloudwatch_log_group.h", attribute: "kms_key_id", found: "${aws_s3_bucket.b.arn}", expected: CMK },
      ],
    },
  ],
});

const expected = `one of ${RETENTION_DAYS.join(", ")}`;

ruleCases(logGroupRetention, "INF-LOG-002 log retention", {
  compliant: {
    name: "7 (dev) and 365 (prod) pass",
    input: () => ({ aws_cloudwatch_log_group: { dev: { retention_in_days: 7 }, prod: { retention_in_days: 365 } } }),
    statuses: {
      "aws_cloudwatch_log_group.dev": "passed",
      "aws_cloudwatch_log_group.prod": "passed",
    },
  },
  noncompliant: [
    {
      name: "unset, 0 (forever) and a value CloudWatch rejects fail",
      input: () => ({ aws_cloudwatch_log_group: { unset: {}, forever: { retention_in_days: 0 }, odd: { retention_in_days: 10 } } }),
      failures: [
        { address: "aws_cloudwatch_log_group.unset", attribute: "retention_in_days", found: "unset", expected },
        { address: "aws_cloudwatch_log_group.forever", attribute: "retention_in_days", found: "0", expected },
        { address: "aws_cloudwatch_log_group.odd", attribute: "retention_in_days", found: "10", expected },
      ],
    },
  ],
});

ruleCases(alarmActions, "INF-CW-001 alarm actions", {
  compliant: {
    name: "an enabled alarm to an encrypted topic passes",
    input: () => ({
      aws_sns_topic: { alerts: { kms_master_key_id: "${aws_kms_key.k.id}" } },
      aws_cloudwatch_metric_alarm: { a: { alarm_actions: ["${aws_sns_topic.alerts.arn}"] } },
    }),
    statuses: {
      "aws_cloudwatch_metric_alarm.a": "passed",
    },
  },
  noncompliant: [
    {
      name: "disabled actions to an unencrypted topic, and no actions, fail",
      input: () => ({
        aws_sns_topic: { alerts: {} },
        aws_cloudwatch_metric_alarm: { a: { actions_enabled: false, alarm_actions: ["${aws_sns_topic.alerts.arn}"] }, mute: {} },
      }),
      failures: [
        { address: "aws_cloudwatch_metric_alarm.a", attribute: "actions_enabled", found: "false", expected: "true" },
        {
          address: "aws_cloudwatch_metric_alarm.a",
          attribute: "aws_sns_topic.alerts.kms_master_key_id",
          found: "unset",
          expected: "a KMS key on the alarm topic",
        },
        { address: "aws_cloudwatch_metric_alarm.mute", attribute: "alarm_actions", found: "unset", expected: "an SNS topic" },
      ],
    },
  ],
});
