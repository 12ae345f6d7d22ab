import { Apigatewayv2Api } from "@cdktf/provider-aws/lib/apigatewayv2-api";
import { Apigatewayv2ApiMapping } from "@cdktf/provider-aws/lib/apigatewayv2-api-mapping";
import { Apigatewayv2Authorizer } from "@cdktf/provider-aws/lib/apigatewayv2-authorizer";
import { Apigatewayv2DomainName } from "@cdktf/provider-aws/lib/apigatewayv2-domain-name";
import { Apigatewayv2Integration } from "@cdktf/provider-aws/lib/apigatewayv2-integration";
import { Apigatewayv2Route } from "@cdktf/provider-aws/lib/apigatewayv2-route";
import { Apigatewayv2Stage } from "@cdktf/provider-aws/lib/apigatewayv2-stage";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsDynamodbTable } from "@cdktf/provider-aws/lib/data-aws-dynamodb-table";
import { LambdaEventSourceMapping } from "@cdktf/provider-aws/lib/lambda-event-source-mapping";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import type { StackBuilder } from "@infra/core";
import { Certificate } from "@infra/dns";
import type { LambdaFunction } from "@infra/lambda";
import type { WebsocketFunction, WebsocketInputs } from "../inputs";
import type { ZoneOutputs } from "./edge";
import { FunctionFactory, appDependencies } from "./functions";
import type { RestApiOutputs } from "./rest-api";

/** WebSocket routes (route key → function). Only $connect is authorized: API Gateway authorizes the connection, not each message. */
export const WEBSOCKET_ROUTES: readonly { readonly routeKey: string; readonly fn: Exclude<WebsocketFunction, "wsBroadcast"> }[] = [
  { routeKey: "$connect", fn: "wsConnect" },
  { routeKey: "$disconnect", fn: "wsDisconnect" },
  { routeKey: "aggregateProgress", fn: "aggregateProgress" },
];

const DESCRIPTIONS: Record<WebsocketFunction, string> = {
  aggregateProgress: "activity: aggregate team progress (WebSocket, read path: Redis → Aurora reader)",
  wsConnect: "WebSocket $connect: registers the connection in the real-time table",
  wsDisconnect: "WebSocket $disconnect: removes the connection",
  wsBroadcast: "Real-time path: DynamoDB stream → Redis pub/sub → connected clients",
};

export interface WebsocketOutputs {
  readonly apiId: string;
  readonly apiName: string;
  readonly stageName: string;
  readonly regionalDomainName: string;
  readonly regionalZoneId: string;
  readonly functions: Readonly<Record<WebsocketFunction, LambdaFunction>>;
}

/**
 * Seed 003 "WebSocket API ws.mile-quest.com" → aggregateProgress, and the real-time path
 * (WS → DynamoDB → Redis pub/sub): connection functions write the real-time table, whose stream
 * feeds wsBroadcast. The $connect route uses the REST API's JWT authorizer (REQUEST type).
 */
export const buildWebsocket: StackBuilder<WebsocketInputs, WebsocketOutputs> = (stack, inputs, ctx) => {
  const deps = appDependencies(ctx);
  const zone = ctx.dependency<ZoneOutputs>("dns");
  const rest = ctx.dependency<RestApiOutputs>("rest");
  const factory = new FunctionFactory(stack, inputs, deps, ctx);
  const region = ctx.deployment.region.name;

  const api = new Apigatewayv2Api(stack, "api", {
    name: inputs.name,
    description: "Mile Quest WebSocket API (seed 003)",
    protocolType: "WEBSOCKET",
    routeSelectionExpression: "$request.body.action",
    tags: { Name: inputs.name },
  });
  const callbackUrl = `https://${api.id}.execute-api.${region}.amazonaws.com/${inputs.stageName}`;
  const fns = Object.fromEntries(
    (Object.keys(DESCRIPTIONS) as WebsocketFunction[]).map((fn) => [fn, factory.create(fn, inputs.functions[fn], DESCRIPTIONS[fn], { WS_CALLBACK_URL: callbackUrl })]),
  ) as Record<WebsocketFunction, LambdaFunction>;

  factory.grantTable(fns.wsConnect, "realtime", "readWrite");
  factory.grantTable(fns.wsDisconnect, "realtime", "readWrite");
  factory.grantTable(fns.aggregateProgress, "realtime", "readWrite");
  factory.grantDatabase(fns.aggregateProgress);
  factory.grantCache(fns.aggregateProgress);
  factory.grantCache(fns.wsBroadcast);
  factory.grantTable(fns.wsBroadcast, "realtime", "read");
  const manageConnections = `${api.executionArn}/${inputs.stageName}/POST/@connections/*`;
  for (const fn of [fns.aggregateProgress, fns.wsBroadcast]) {
    fn.addToRolePolicy({ sid: "PostToConnections", actions: ["execute-api:ManageConnections"], resources: [manageConnections] });
  }

  // The real-time table's stream in this region (a global table replica has its own stream).
  const realtime = new DataAwsDynamodbTable(stack, "realtime-table", { name: deps.tables.realtime.tableName });
  fns.wsBroadcast.addToRolePolicy({
    sid: "ReadRealtimeStream",
    actions: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"],
    resources: [realtime.streamArn],
  });
  new LambdaEventSourceMapping(stack, "realtime-stream", {
    eventSourceArn: realtime.streamArn,
    functionName: fns.wsBroadcast.functionArn,
    startingPosition: "LATEST",
    batchSize: 100,
    maximumBatchingWindowInSeconds: 1,
    maximumRetryAttempts: 3,
    bisectBatchOnFunctionError: true,
    functionResponseTypes: ["ReportBatchItemFailures"],
    destinationConfig: { onFailure: { destinationArn: deps.messaging.functionDlq.queueArn } },
  });
  fns.wsBroadcast.addToRolePolicy({ sid: "StreamFailures", actions: ["sqs:SendMessage"], resources: [deps.messaging.functionDlq.queueArn] });

  const authorizer = new Apigatewayv2Authorizer(stack, "jwt-authorizer", {
    apiId: api.id,
    name: "jwt",
    authorizerType: "REQUEST",
    authorizerUri: rest.authorizer.invokeArn,
    identitySources: ["route.request.querystring.token"],
  });
  // Created here, not on the function: the permission belongs to this stack (it references this API).
  new LambdaPermission(stack, "authorizer-permission", {
    statementId: "Allow-websocket-authorizer",
    action: "lambda:InvokeFunction",
    functionName: rest.authorizer.functionName,
    principal: "apigateway.amazonaws.com",
    sourceArn: `${api.executionArn}/authorizers/${authorizer.id}`,
  });
  for (const route of WEBSOCKET_ROUTES) {
    const id = route.routeKey.replace(/\$/g, "");
    const integration = new Apigatewayv2Integration(stack, `integration-${id}`, {
      apiId: api.id,
      integrationType: "AWS_PROXY",
      integrationUri: fns[route.fn].invokeArn,
      integrationMethod: "POST",
      contentHandlingStrategy: "CONVERT_TO_TEXT",
    });
    new Apigatewayv2Route(stack, `route-${id}`, {
      apiId: api.id,
      routeKey: route.routeKey,
      target: `integrations/${integration.id}`,
      authorizationType: route.routeKey === "$connect" ? "CUSTOM" : "NONE",
      authorizerId: route.routeKey === "$connect" ? authorizer.id : undefined,
    });
    fns[route.fn].allowInvokeFrom(`ws-${id}`, "apigateway.amazonaws.com", `${api.executionArn}/${inputs.stageName}/${route.routeKey}`);
  }

  const accessLogs = new CloudwatchLogGroup(stack, "access-logs", {
    name: `/aws/apigateway/${inputs.name}/access`,
    retentionInDays: inputs.logRetentionDays,
    kmsKeyId: deps.keys.logs.keyArn,
  });
  deps.keys.logs.allowCloudWatchLogs(accessLogs);
  const stage = new Apigatewayv2Stage(stack, "stage", {
    apiId: api.id,
    name: inputs.stageName,
    autoDeploy: true,
    defaultRouteSettings: { throttlingRateLimit: inputs.throttle.rateLimit, throttlingBurstLimit: inputs.throttle.burstLimit, detailedMetricsEnabled: true },
    accessLogSettings: {
      destinationArn: accessLogs.arn,
      format: JSON.stringify({
        requestId: "$context.requestId",
        ip: "$context.identity.sourceIp",
        routeKey: "$context.routeKey",
        eventType: "$context.eventType",
        connectionId: "$context.connectionId",
        status: "$context.status",
        integrationError: "$context.integrationErrorMessage",
      }),
    },
    tags: { Name: `${inputs.name}-${inputs.stageName}` },
  });

  const certificate = new Certificate(stack, "ws-certificate", { domainName: inputs.domain, zoneId: zone.zoneId });
  const domain = new Apigatewayv2DomainName(stack, "ws-domain", {
    domainName: inputs.domain,
    domainNameConfiguration: { certificateArn: certificate.certificateArn, endpointType: "REGIONAL", securityPolicy: "TLS_1_2" },
    tags: { Name: inputs.domain },
  });
  new Apigatewayv2ApiMapping(stack, "ws-mapping", { apiId: api.id, domainName: domain.id, stage: stage.id });

  return {
    apiId: api.id,
    apiName: api.name,
    stageName: stage.name,
    regionalDomainName: domain.domainNameConfiguration.targetDomainName,
    regionalZoneId: domain.domainNameConfiguration.hostedZoneId,
    functions: fns,
  };
};
