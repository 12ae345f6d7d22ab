import { ApiGatewayAuthorizer } from "@cdktf/provider-aws/lib/api-gateway-authorizer";
import { ApiGatewayBasePathMapping } from "@cdktf/provider-aws/lib/api-gateway-base-path-mapping";
import { ApiGatewayDeployment } from "@cdktf/provider-aws/lib/api-gateway-deployment";
import { ApiGatewayDomainName } from "@cdktf/provider-aws/lib/api-gateway-domain-name";
import { ApiGatewayIntegration } from "@cdktf/provider-aws/lib/api-gateway-integration";
import { ApiGatewayMethod } from "@cdktf/provider-aws/lib/api-gateway-method";
import { ApiGatewayMethodSettings } from "@cdktf/provider-aws/lib/api-gateway-method-settings";
import { ApiGatewayModel } from "@cdktf/provider-aws/lib/api-gateway-model";
import { ApiGatewayRequestValidator } from "@cdktf/provider-aws/lib/api-gateway-request-validator";
import { ApiGatewayResource } from "@cdktf/provider-aws/lib/api-gateway-resource";
import { ApiGatewayRestApi } from "@cdktf/provider-aws/lib/api-gateway-rest-api";
import { ApiGatewayStage } from "@cdktf/provider-aws/lib/api-gateway-stage";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { type LambdaTarget, permissionStatementId } from "@infra/lambda";
import { Fn } from "cdktf";
import type { Construct } from "constructs";
import {
  type AccessLogs,
  type CustomDomain,
  type CustomDomainTarget,
  REST_ACCESS_LOG_FORMAT,
  type Throttling,
  accessLogGroup,
  apiInvokePermission,
  commonErrors,
  domainAlias,
  encryptedLogGroup,
  idOf,
} from "./common";
import { GatewayApi } from "./gateway-api";
import { methodSettingsPath, planRestResources, validateRestPath } from "./rest-paths";
import {
  type RestRequestModel,
  type RestRequiredParameters,
  type RestValidatorKind,
  methodRequestParameters,
  requestModelErrors,
  requiredParameterErrors,
  routeSourceArnSuffix,
  validatorKind,
} from "./rest-requests";

export type RestMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS" | "ANY";

export interface RestRoute {
  /** Resource path, e.g. "/teams/{teamId}/members" or "/activities/{proxy+}". */
  readonly path: string;
  readonly method: RestMethod;
  /** Key of `integrations`. */
  readonly integration: string;
  /** Explicit opt-out from the authorizer (health, login, register). @default false */
  readonly public?: boolean;
  /** Method-level throttling override. @default the stage default */
  readonly throttling?: Throttling;
  /**
   * JSON body model (content type application/json): the method validates body and parameters.
   * @default none (the method validates its parameters only)
   */
  readonly requestModel?: RestRequestModel;
  /** Query strings and headers the method requires (path parameters are always required). @default none */
  readonly requiredParameters?: RestRequiredParameters;
  /**
   * Statement id of the route's invoke permission (permissionScope "route"); set it to keep an
   * existing permission when a route moves onto this construct. @default "AllowRestApi-<api name>-<METHOD><path>"
   */
  readonly permissionStatementId?: string;
}

export interface RestAuthorizer {
  /** TOKEN reads one header; REQUEST sees headers, query string, context. */
  readonly type: "TOKEN" | "REQUEST";
  readonly function: LambdaTarget;
  /** @default "method.request.header.Authorization" */
  readonly identitySource?: string;
  /** Seconds API Gateway caches a decision, 0..3600. @default 300 */
  readonly resultTtlSeconds?: number;
  /** TOKEN only: regex the token must match before the function is called. @default none */
  readonly identityValidationExpression?: string;
  /** @default "lambda-authorizer" */
  readonly name?: string;
  /** Statement id of the authorizer's invoke permission. @default "AllowRestAuthorizer-<api name>" */
  readonly permissionStatementId?: string;
}

export interface RestApiProps {
  /** e.g. "mile-quest-prod-api"; also names the log group. */
  readonly name: string;
  /** @default none */
  readonly description?: string;
  /** @default "REGIONAL" */
  readonly endpointType?: "REGIONAL" | "EDGE" | "PRIVATE";
  /** Lambda proxy integrations by id. */
  readonly integrations: Readonly<Record<string, LambdaTarget>>;
  readonly routes: readonly RestRoute[];
  /** Required unless every route is public. @default none */
  readonly authorizer?: RestAuthorizer;
  /** @default "v1" */
  readonly stageName?: string;
  /** Default method throttling of the stage. */
  readonly throttling: Throttling;
  readonly accessLogs: AccessLogs;
  /**
   * Execution logging (needs the account's CloudWatch role: ApiGatewayLoggingRole). Unless OFF,
   * the `API-Gateway-Execution-Logs_<id>/<stage>` group is created here with the access logs'
   * retention and key (API Gateway would otherwise create it unencrypted, kept forever). @default "ERROR"
   */
  readonly loggingLevel?: "OFF" | "ERROR" | "INFO";
  /**
   * Scope of the integrations' invoke permissions: "route" grants each function only the
   * method and path of its routes (`<executionArn>/*\/POST/teams/*`); "api" grants each
   * integration the whole API (`<executionArn>/*`, one permission per function). @default "route"
   */
  readonly permissionScope?: "route" | "api";
  /** @default true */
  readonly xrayTracing?: boolean;
  /** REGIONAL web ACL to associate with the stage. @default none */
  readonly webAclArn?: string;
  /** @default none */
  readonly customDomain?: CustomDomain;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Every validation error for a set of REST API props. Pure. */
export function validateRestApiProps(props: RestApiProps): string[] {
  const integrations = Object.keys(props.integrations);
  const keys = props.routes.map((r) => `${r.method} ${r.path}`);
  const ttl = props.authorizer?.resultTtlSeconds;
  return [
    ...commonErrors(props.name, props.throttling, props.accessLogs),
    props.routes.length === 0 ? "at least one route is required" : undefined,
    new Set(keys).size !== keys.length ? `routes repeat: ${keys.filter((k, i) => keys.indexOf(k) !== i).join(", ")}` : undefined,
    ...requestModelErrors(props.routes.flatMap((r) => (r.requestModel ? [r.requestModel] : []))),
    ...props.routes.flatMap((r) => [
      validateRestPath(r.path),
      ...requiredParameterErrors(`${r.method} ${r.path}`, r.requiredParameters),
      r.requestModel && ["GET", "HEAD", "OPTIONS"].includes(r.method)
        ? `route "${r.method} ${r.path}" has a requestModel, but a ${r.method} has no body`
        : undefined,
      integrations.includes(r.integration)
        ? undefined
        : `route "${r.method} ${r.path}" uses integration "${r.integration}", not one of: ${integrations.join(", ")}`,
      !r.public && !props.authorizer ? `route "${r.method} ${r.path}" needs the authorizer (set authorizer) or an explicit public: true` : undefined,
    ]),
    ttl !== undefined && (!Number.isInteger(ttl) || ttl < 0 || ttl > 3600) ? `authorizer.resultTtlSeconds ${ttl} must be 0..3600` : undefined,
    props.authorizer?.identityValidationExpression && props.authorizer.type !== "TOKEN" ? "identityValidationExpression is for TOKEN authorizers" : undefined,
    props.webAclArn && props.endpointType === "PRIVATE" ? "WAF cannot be associated with a PRIVATE API" : undefined,
  ].filter((e): e is string => e !== undefined);
}

/**
 * An API Gateway REST API (seed 003 Mile Quest) built from a typed route list: the resource tree,
 * methods with a Lambda TOKEN/REQUEST authorizer unless `public: true`, a request validator on
 * every method (parameters; body too where the route has a JSON model), Lambda proxy integrations
 * with invoke permissions scoped to each route (or the API), a deployment that changes when the
 * routes do, a stage with X-Ray, JSON access logs, execution logs, method throttling, optional WAF
 * and custom domain.
 */
export class RestApi extends GatewayApi {
  readonly restApiId: string;
  readonly rootResourceId: string;
  /** The execution log group (undefined when loggingLevel is OFF). */
  readonly executionLogGroupName?: string;

  constructor(scope: Construct, id: string, props: RestApiProps) {
    super(scope, id, "RestApi", props, validateRestApiProps(props));
    const tags = this.tags;

    const api = new ApiGatewayRestApi(this, "api", {
      name: props.name,
      description: props.description,
      endpointConfiguration: { types: [props.endpointType ?? "REGIONAL"] },
      tags,
    });
    this.restApiId = api.id;
    this.rootResourceId = api.rootResourceId;

    const resourceIds = new Map<string, string>([["/", api.rootResourceId]]);
    for (const r of planRestResources(props.routes.map((x) => x.path))) {
      const resource = new ApiGatewayResource(this, `resource${idOf(r.path)}`, {
        restApiId: api.id,
        parentId: resourceIds.get(r.parentPath)!,
        pathPart: r.pathPart,
      });
      resourceIds.set(r.path, resource.id);
    }

    const auth = props.authorizer;
    const authorizer = auth
      ? new ApiGatewayAuthorizer(this, "authorizer", {
          restApiId: api.id,
          name: auth.name ?? "lambda-authorizer",
          type: auth.type,
          authorizerUri: auth.function.invokeArn,
          identitySource: auth.identitySource ?? "method.request.header.Authorization",
          authorizerResultTtlInSeconds: auth.resultTtlSeconds ?? 300,
          identityValidationExpression: auth.identityValidationExpression,
        })
      : undefined;
    if (auth && authorizer) {
      apiInvokePermission(
        this,
        "authorizer-permission",
        auth.function,
        auth.permissionStatementId ?? permissionStatementId("AllowRestAuthorizer", props.name),
        `${api.executionArn}/authorizers/${authorizer.id}`,
      );
    }

    if ((props.permissionScope ?? "route") === "api") {
      for (const [intId, fn] of Object.entries(props.integrations)) {
        apiInvokePermission(this, `integration-${intId}-permission`, fn, permissionStatementId("AllowRestApi", props.name, intId), `${api.executionArn}/*`);
      }
    }

    // One validator per kind in use: every method checks its parameters, and its body when it has a model.
    const validators = new Map<RestValidatorKind, ApiGatewayRequestValidator>();
    const validatorFor = (kind: RestValidatorKind): ApiGatewayRequestValidator => {
      let v = validators.get(kind);
      if (!v) {
        v = new ApiGatewayRequestValidator(this, `validator-${kind}`, {
          restApiId: api.id,
          name: kind,
          validateRequestParameters: true,
          validateRequestBody: kind === "body-and-params",
        });
        validators.set(kind, v);
      }
      return v;
    };
    const models = new Map<string, ApiGatewayModel>();
    const modelFor = (m: RestRequestModel): ApiGatewayModel => {
      let model = models.get(m.name);
      if (!model) {
        model = new ApiGatewayModel(this, `model-${m.name}`, {
          restApiId: api.id,
          name: m.name,
          description: m.description,
          contentType: "application/json",
          schema: JSON.stringify({ $schema: "http://json-schema.org/draft-04/schema#", title: m.name, ...m.schema }),
        });
        models.set(m.name, model);
      }
      return model;
    };

    const methods: ApiGatewayMethod[] = [];
    const integrations: ApiGatewayIntegration[] = [];
    for (const route of props.routes) {
      const rid = `${route.method}${idOf(route.path)}`;
      const secured = !route.public;
      const method = new ApiGatewayMethod(this, `method-${rid}`, {
        restApiId: api.id,
        resourceId: resourceIds.get(route.path)!,
        httpMethod: route.method,
        authorization: secured ? "CUSTOM" : "NONE",
        authorizerId: secured ? authorizer!.id : undefined,
        requestParameters: methodRequestParameters(route.path, route.requiredParameters),
        requestValidatorId: validatorFor(validatorKind(route.requestModel)).id,
        requestModels: route.requestModel ? { "application/json": modelFor(route.requestModel).name } : undefined,
      });
      if ((props.permissionScope ?? "route") === "route") {
        apiInvokePermission(
          this,
          `permission-${rid}`,
          props.integrations[route.integration]!,
          route.permissionStatementId ?? permissionStatementId("AllowRestApi", props.name, rid),
          `${api.executionArn}${routeSourceArnSuffix(route.method, route.path)}`,
        );
      }
      methods.push(method);
      integrations.push(
        new ApiGatewayIntegration(this, `integration-${rid}`, {
          restApiId: api.id,
          resourceId: method.resourceId,
          httpMethod: method.httpMethod,
          type: "AWS_PROXY",
          integrationHttpMethod: "POST",
          uri: props.integrations[route.integration]!.invokeArn,
        }),
      );
    }

    // Redeploy whenever a method or integration changes; the new deployment exists before the old goes.
    const deployment = new ApiGatewayDeployment(this, "deployment", {
      restApiId: api.id,
      triggers: {
        redeployment: Fn.sha1(
          Fn.jsonencode([
            ...methods.map((m) => [m.id, m.authorization, m.authorizerId, m.requestValidatorId, m.requestParameters, m.requestModels]),
            ...[...models.values()].map((m) => [m.id, m.schema]),
            ...[...validators.values()].map((v) => [v.id, v.validateRequestBody, v.validateRequestParameters]),
            ...integrations.map((i) => [i.id, i.uri]),
            authorizer ? [authorizer.id, authorizer.authorizerUri, authorizer.identitySource] : [],
          ]),
        ),
      },
      lifecycle: { createBeforeDestroy: true },
      dependsOn: [...methods, ...integrations],
    });

    const logGroup = accessLogGroup(this, props.name, props.accessLogs, tags);
    const stage = new ApiGatewayStage(this, "stage", {
      restApiId: api.id,
      deploymentId: deployment.id,
      stageName: props.stageName ?? "v1",
      xrayTracingEnabled: props.xrayTracing ?? true,
      accessLogSettings: { destinationArn: logGroup.arn, format: REST_ACCESS_LOG_FORMAT },
      tags,
    });

    const loggingLevel = props.loggingLevel ?? "ERROR";
    // API Gateway writes execution logs to this fixed name; creating it first gives it retention and the CMK.
    const executionLogs =
      loggingLevel === "OFF"
        ? undefined
        : encryptedLogGroup(this, "execution-logs", `API-Gateway-Execution-Logs_${api.id}/${stage.stageName}`, props.accessLogs, tags);
    this.executionLogGroupName = executionLogs?.name;

    // The stage default, then per-route overrides: metrics and logging everywhere, throttling per setting.
    const methodSettings = (settingsId: string, methodPath: string, throttling: Throttling) =>
      new ApiGatewayMethodSettings(this, settingsId, {
        restApiId: api.id,
        stageName: stage.stageName,
        methodPath,
        settings: {
          metricsEnabled: true,
          loggingLevel,
          dataTraceEnabled: false,
          throttlingBurstLimit: throttling.burstLimit,
          throttlingRateLimit: throttling.rateLimit,
        },
        dependsOn: executionLogs ? [executionLogs] : undefined,
      });
    methodSettings("method-settings", "*/*", props.throttling);
    for (const route of props.routes.filter((r) => r.throttling)) {
      methodSettings(`method-settings-${route.method}${idOf(route.path)}`, methodSettingsPath(route.path, route.method), route.throttling!);
    }

    if (props.webAclArn) new Wafv2WebAclAssociation(this, "waf", { resourceArn: stage.arn, webAclArn: props.webAclArn });

    let customDomainTarget: CustomDomainTarget | undefined;
    if (props.customDomain) {
      const d = props.customDomain;
      const dn = new ApiGatewayDomainName(this, "domain", {
        domainName: d.domainName,
        regionalCertificateArn: d.certificateArn,
        endpointConfiguration: { types: ["REGIONAL"] },
        securityPolicy: "TLS_1_2",
        tags,
      });
      new ApiGatewayBasePathMapping(this, "domain-mapping", { apiId: api.id, stageName: stage.stageName, domainName: dn.domainName, basePath: d.basePath });
      customDomainTarget = { dnsName: dn.regionalDomainName, hostedZoneId: dn.regionalZoneId };
      domainAlias(this, d, customDomainTarget);
    }
    this.expose({
      executionArn: api.executionArn,
      authorizerId: authorizer?.id,
      stageName: stage.stageName,
      stageArn: stage.arn,
      invokeUrl: stage.invokeUrl,
      logGroupName: logGroup.name,
      customDomainTarget,
    });
  }
}
