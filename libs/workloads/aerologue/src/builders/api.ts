import { Apigatewayv2DomainName } from "@cdktf/provider-aws/lib/apigatewayv2-domain-name";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { HttpApi, type HttpRoute, WebSocketApi } from "@infra/apigateway";
import type { StackBuilder } from "@infra/core";
import { Certificate } from "@infra/dns";
import type { PolicyStatement } from "@infra/iam";
import type { Construct } from "constructs";
import type { ApiInputs } from "../inputs/modules";
import { buildCognito } from "./cognito";
import { buildDns } from "./dns";
import { buildFunctions } from "./functions";
import { buildKms } from "./kms";

export interface ApiOutputs {
  readonly http: HttpApi;
  readonly websocket: WebSocketApi;
  /** Public names: CloudFront aliases (aerologue-edge/cdn). */
  readonly apiDomain: string;
  readonly wsDomain: string;
  /** The API Gateway custom domains CloudFront fetches from. */
  readonly originApiDomain: string;
  readonly originWsDomain: string;
}

function domainOf(api: Construct): Apigatewayv2DomainName {
  const found = api.node.findAll().find((n): n is Apigatewayv2DomainName => n instanceof Apigatewayv2DomainName);
  if (!found) throw new Error(`${api.node.path}: no custom domain`);
  return found;
}

/**
 * ARC-006: the HTTP API (ten routes to api-rest-handler, JWT authorizer on the Cognito pool for
 * every route but health, CORS, 1000 rps / 2000 burst, access logs) and the WebSocket API
 * ($connect/$disconnect/$default), one stage named after the env. The custom domains are the
 * origins of the api./ws. distributions (aerologue-edge/cdn, behind WAF): origin-api.<domain> and
 * origin-ws.<domain> (docs/adr/0075). ws-broadcast may post to connections
 * (execute-api:ManageConnections), granted here because this stack owns the API. With ARC-012
 * regions, each region's API answers the origin names behind Route 53 latency records, so
 * CloudFront reaches the region closest to its edge.
 */
export const buildApi: StackBuilder<ApiInputs, ApiOutputs> = (stack, inputs, ctx) => {
  const region = ctx.deployment.region.name;
  const keys = ctx.dependencyOn("kms", buildKms).regions[region]!;
  const functions = ctx.dependencyOn("functions", buildFunctions).functions;
  const pool = ctx.dependencyOn("cognito", buildCognito).userPool;
  const zone = ctx.dependencyOn("dns", buildDns).zone;
  const rest = functions[inputs.restFunction]!;
  const accessLogs = { retentionDays: inputs.logRetentionDays, kmsKeyArn: keys.logs.keyArn };

  // WebSocket stages log through the account's API Gateway CloudWatch role: a per-region account
  // setting owned by the account foundation (which this stack deploys after), never by a workload.

  const certificate = new Certificate(stack, "certificate", {
    domainName: inputs.originApiDomain,
    subjectAlternativeNames: [inputs.originWsDomain],
    zoneId: zone.zoneId,
  });
  // Single region: plain alias records (the library's). ARC-012: latency records below.
  const zoneForAlias = inputs.latencyRouting ? undefined : zone.zoneId;

  const routes: Record<string, HttpRoute> = Object.fromEntries(
    inputs.routes.map((r) => [r, { integration: "rest", ...(inputs.publicRoutes.includes(r) ? { public: true } : {}) }]),
  );
  const http = new HttpApi(stack, "http-api", {
    name: inputs.httpApiName,
    description: "Aerologue REST API (ARC-006)",
    cors: inputs.cors,
    jwtAuthorizer: { issuer: pool.issuerUrl, audience: [pool.clientId], name: "cognito" },
    integrations: { rest: { function: rest } },
    routes,
    stageName: inputs.stageName,
    throttling: inputs.throttle,
    accessLogs,
    detailedMetrics: true,
    customDomain: { domainName: inputs.originApiDomain, certificateArn: certificate.certificateArn, zoneId: zoneForAlias },
    // Only CloudFront calls the API, through the origin name: the generated execute-api hostname
    // would be a second, unlisted door around WAF (docs/adr/0035).
    disableExecuteApiEndpoint: true,
  });

  const websocket = new WebSocketApi(stack, "ws-api", {
    name: inputs.wsApiName,
    description: "Aerologue real-time API (ARC-006)",
    routes: Object.fromEntries(Object.entries(inputs.wsRoutes).map(([route, fn]) => [route, functions[fn]!])),
    // Browsers cannot set an Authorization header on a WebSocket: api-ws-connect checks the token itself.
    publicConnect: true,
    stageName: inputs.stageName,
    throttling: inputs.throttle,
    accessLogs,
    detailedMetrics: true,
    customDomain: { domainName: inputs.originWsDomain, certificateArn: certificate.certificateArn, zoneId: zoneForAlias, basePath: inputs.wsMappingKey },
  });

  // ARC-009 "Custom: API Gateway Management (WebSocket)" on ws-broadcast's role, from this stack.
  const broadcast = functions[inputs.broadcastFunction]!;
  websocket.grantManageConnections({
    addToRolePolicy(statement: PolicyStatement) {
      const doc = new DataAwsIamPolicyDocument(stack, "manage-connections-document", {
        statement: [{ sid: statement.sid, effect: "Allow", actions: [...statement.actions], resources: [...statement.resources] }],
      });
      new IamRolePolicy(stack, "manage-connections", { name: statement.sid, role: broadcast.roleName, policy: doc.json });
    },
  });

  if (inputs.latencyRouting) {
    for (const [id, name, api] of [
      ["api", inputs.originApiDomain, http],
      ["ws", inputs.originWsDomain, websocket],
    ] as const) {
      const dn = domainOf(api);
      for (const type of ["A", "AAAA"]) {
        new Route53Record(stack, `${id}-latency-${type.toLowerCase()}`, {
          zoneId: zone.zoneId,
          name,
          type,
          setIdentifier: region,
          latencyRoutingPolicy: { region },
          alias: { name: dn.domainNameConfiguration.targetDomainName, zoneId: dn.domainNameConfiguration.hostedZoneId, evaluateTargetHealth: true },
        });
      }
    }
  }
  return {
    http,
    websocket,
    apiDomain: inputs.apiDomain,
    wsDomain: inputs.wsDomain,
    originApiDomain: inputs.originApiDomain,
    originWsDomain: inputs.originWsDomain,
  };
};
