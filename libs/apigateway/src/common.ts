import { Apigatewayv2ApiMapping } from "@cdktf/provider-aws/lib/apigatewayv2-api-mapping";
import { Apigatewayv2DomainName } from "@cdktf/provider-aws/lib/apigatewayv2-domain-name";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { LOG_RETENTION_DAYS } from "@infra/config";
import { AliasRecord } from "@infra/dns";
import { declareLogGroupKey } from "@infra/kms";
import type { LambdaTarget } from "@infra/lambda";
import type { Construct } from "constructs";

export interface Throttling {
  /** Requests in a burst (token bucket size). Seed 000: 2000. */
  readonly burstLimit: number;
  /** Steady requests per second. Seed 000: 1000. */
  readonly rateLimit: number;
}

export interface AccessLogs {
  /** Days the `/aws/apigateway/<name>` log group keeps access logs. */
  readonly retentionDays: number;
  /** CMK for the log group. */
  readonly kmsKeyArn: string;
  /** Log group name; set it to keep an existing group when an API moves onto this library. @default "/aws/apigateway/<api name>" */
  readonly logGroupName?: string;
}

export interface CustomDomain {
  /** e.g. "api.aerologue.app". */
  readonly domainName: string;
  /** Regional ACM certificate (same region as the API) covering `domainName`. */
  readonly certificateArn: string;
  /** Hosted zone to create A/AAAA aliases in. @default none (DNS managed elsewhere) */
  readonly zoneId?: string;
  /** Path under the domain, e.g. "v1". @default none (the root) */
  readonly basePath?: string;
}

/** Where a custom domain's DNS records point: API Gateway's regional domain name and its hosted zone. */
export interface CustomDomainTarget {
  readonly dnsName: string;
  readonly hostedZoneId: string;
}

/** HTTP API access log fields ($context variables), one JSON object per request. */
export const HTTP_ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: "$context.requestId",
  ip: "$context.identity.sourceIp",
  requestTime: "$context.requestTime",
  httpMethod: "$context.httpMethod",
  routeKey: "$context.routeKey",
  status: "$context.status",
  protocol: "$context.protocol",
  responseLength: "$context.responseLength",
  responseLatency: "$context.responseLatency",
  integrationLatency: "$context.integrationLatency",
  integrationError: "$context.integrationErrorMessage",
  authorizerError: "$context.authorizer.error",
  userAgent: "$context.identity.userAgent",
});

/** WebSocket API access log fields. */
export const WEBSOCKET_ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: "$context.requestId",
  ip: "$context.identity.sourceIp",
  requestTime: "$context.requestTime",
  eventType: "$context.eventType",
  routeKey: "$context.routeKey",
  status: "$context.status",
  connectionId: "$context.connectionId",
  integrationError: "$context.integrationErrorMessage",
  authorizerError: "$context.authorizer.error",
});

/** REST API access log fields. */
export const REST_ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: "$context.requestId",
  extendedRequestId: "$context.extendedRequestId",
  ip: "$context.identity.sourceIp",
  requestTime: "$context.requestTime",
  httpMethod: "$context.httpMethod",
  resourcePath: "$context.resourcePath",
  status: "$context.status",
  protocol: "$context.protocol",
  responseLength: "$context.responseLength",
  responseLatency: "$context.responseLatency",
  integrationLatency: "$context.integration.latency",
  integrationError: "$context.integration.error",
  authorizerError: "$context.authorizer.error",
  principal: "$context.authorizer.principalId",
  xrayTraceId: "$context.xrayTraceId",
});

export function accessLogGroup(scope: Construct, apiName: string, logs: AccessLogs, tags: Record<string, string>): CloudwatchLogGroup {
  return encryptedLogGroup(scope, "access-logs", logs.logGroupName ?? `/aws/apigateway/${apiName}`, logs, tags);
}

/** A log group with the access logs' retention and CMK (access logs, REST execution logs), the key's use declared. */
export function encryptedLogGroup(scope: Construct, id: string, name: string, logs: AccessLogs, tags: Record<string, string>): CloudwatchLogGroup {
  const group = new CloudwatchLogGroup(scope, id, { name, retentionInDays: logs.retentionDays, kmsKeyId: logs.kmsKeyArn, tags });
  declareLogGroupKey(group, logs.kmsKeyArn);
  return group;
}

/** Lets API Gateway invoke `fn`, from `sourceArn` only (the API, a stage, a route or an authorizer of it). */
export function apiInvokePermission(scope: Construct, id: string, fn: LambdaTarget, statementId: string, sourceArn: string): LambdaPermission {
  return new LambdaPermission(scope, id, {
    statementId,
    action: "lambda:InvokeFunction",
    functionName: fn.functionName,
    qualifier: fn.qualifier,
    principal: "apigateway.amazonaws.com",
    sourceArn,
  });
}

export function commonErrors(name: string, throttling: Throttling, logs: AccessLogs): (string | undefined)[] {
  const whole = (n: number) => Number.isFinite(n) && n >= 0;
  return [
    /^[A-Za-z0-9_-]{1,128}$/.test(name) ? undefined : `name "${name}" must be 1-128 letters, digits, "-" or "_"`,
    !whole(throttling.burstLimit) || !Number.isInteger(throttling.burstLimit)
      ? `throttling.burstLimit ${throttling.burstLimit} must be a whole number >= 0`
      : undefined,
    !whole(throttling.rateLimit) ? `throttling.rateLimit ${throttling.rateLimit} must be >= 0` : undefined,
    (LOG_RETENTION_DAYS as readonly number[]).includes(logs.retentionDays)
      ? undefined
      : `accessLogs.retentionDays ${logs.retentionDays} must be one of ${LOG_RETENTION_DAYS.join(", ")}`,
  ];
}

/** A regional custom domain (TLS 1.2) mapped to an HTTP or WebSocket API stage, with optional aliases; returns its target. */
export function v2CustomDomain(scope: Construct, apiId: string, stageId: string, domain: CustomDomain, tags: Record<string, string>): CustomDomainTarget {
  const dn = new Apigatewayv2DomainName(scope, "domain", {
    domainName: domain.domainName,
    domainNameConfiguration: { certificateArn: domain.certificateArn, endpointType: "REGIONAL", securityPolicy: "TLS_1_2" },
    tags,
  });
  new Apigatewayv2ApiMapping(scope, "domain-mapping", { apiId, domainName: dn.id, stage: stageId, apiMappingKey: domain.basePath });
  const target = { dnsName: dn.domainNameConfiguration.targetDomainName, hostedZoneId: dn.domainNameConfiguration.hostedZoneId };
  domainAlias(scope, domain, target);
  return target;
}

/** A/AAAA aliases of a custom domain in its hosted zone, when the domain names one. */
export function domainAlias(scope: Construct, domain: CustomDomain, target: CustomDomainTarget): void {
  if (domain.zoneId) new AliasRecord(scope, "domain-alias", { zoneId: domain.zoneId, name: domain.domainName, target });
}

/** A construct id from a route key or path: readable, and unique because cdktf adds a hash. */
export function idOf(text: string): string {
  return text.replace(/\//g, ".").replace(/\s+/g, "_") || "root";
}

/** @deprecated One copy lives in `@infra/config` (ADR 0115); import it from there. Kept while parallel branches merge. */
export { throwIfInvalid } from "@infra/config";
