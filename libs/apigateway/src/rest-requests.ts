/** Pure helpers for a REST route's request contract: parameters, models, validators, invoke scope. */

/** A JSON-schema (draft 4) model API Gateway validates a request body against. */
export interface RestRequestModel {
  /** Model name: letters and digits only (API Gateway's rule), unique per API. */
  readonly name: string;
  /** The JSON schema (draft 4), e.g. `{ type: "object" }`. */
  readonly schema: Readonly<Record<string, unknown>>;
  /** @default none */
  readonly description?: string;
}

/** What API Gateway checks before the integration runs. */
export type RestValidatorKind = "params" | "body-and-params";

/** Request parameters a route declares as required, keyed as API Gateway names them. */
export interface RestRequiredParameters {
  /** Query strings the route needs, e.g. ["q"]. @default none */
  readonly queryStrings?: readonly string[];
  /** Headers the route needs, e.g. ["Idempotency-Key"]. @default none */
  readonly headers?: readonly string[];
}

/**
 * `request_parameters` of a method: every path parameter of the path (required: API Gateway
 * cannot route without it) plus the declared query strings and headers. Undefined when empty.
 */
export function methodRequestParameters(path: string, required: RestRequiredParameters = {}): Record<string, boolean> | undefined {
  const params: Record<string, boolean> = {};
  for (const m of path.matchAll(/\{([A-Za-z0-9_]+)\+?\}/g)) params[`method.request.path.${m[1]}`] = true;
  for (const q of required.queryStrings ?? []) params[`method.request.querystring.${q}`] = true;
  for (const h of required.headers ?? []) params[`method.request.header.${h}`] = true;
  return Object.keys(params).length > 0 ? params : undefined;
}

/** Body and parameters when the route has a model; parameters otherwise (a GET has no body to check). */
export function validatorKind(model: RestRequestModel | undefined): RestValidatorKind {
  return model ? "body-and-params" : "params";
}

/**
 * The `source_arn` suffix of a per-route invoke permission (after the API's execution ARN):
 * `/*` for any stage, then the method ("*" for ANY) and the path with each {param} as "*".
 * e.g. POST /teams/{teamId}/invitations → "/*\/POST/teams/*\/invitations".
 */
export function routeSourceArnSuffix(method: string, path: string): string {
  const verb = method === "ANY" ? "*" : method;
  const resource = path === "/" ? "/" : path.replace(/\{[^}]+\}/g, "*");
  return `/*/${verb}${resource}`;
}

/** Error text for the models of a route list: names API Gateway refuses, one name with two schemas. */
export function requestModelErrors(models: readonly RestRequestModel[]): (string | undefined)[] {
  const byName = new Map<string, Set<string>>();
  for (const m of models) byName.set(m.name, (byName.get(m.name) ?? new Set()).add(JSON.stringify(m.schema)));
  return [...byName].flatMap(([name, schemas]) => [
    /^[A-Za-z0-9]{1,128}$/.test(name) ? undefined : `requestModel name "${name}" must be 1-128 letters or digits (API Gateway's model name rule)`,
    schemas.size > 1 ? `requestModel "${name}" is declared with ${schemas.size} different schemas` : undefined,
  ]);
}

const HEADER = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const QUERY = /^[A-Za-z0-9._~-]+$/;

/** Error text for a route's declared required parameters. */
export function requiredParameterErrors(route: string, required: RestRequiredParameters | undefined): (string | undefined)[] {
  return [
    ...(required?.queryStrings ?? []).map((q) => (QUERY.test(q) ? undefined : `route "${route}": query string "${q}" must be letters, digits, . _ ~ or -`)),
    ...(required?.headers ?? []).map((h) => (HEADER.test(h) ? undefined : `route "${route}": header "${h}" is not a valid header name`)),
  ];
}
