import type { ResolvedDeployment, ResolvedEnv } from "@infra/config";

/**
 * One integration check against a deployed env: a request and what must come back. The URLs come
 * from the env's resolved config (the same inputs synth builds the API and its names from), never
 * typed by hand, so a renamed domain or route moves the checks with it.
 */
export interface SmokeCheck {
  readonly workload: string;
  /** Short id, e.g. "health". */
  readonly name: string;
  /** What the check proves, for the report. */
  readonly purpose: string;
  readonly request: {
    readonly method: string;
    readonly url: string;
    /** Extra request headers. @default none */
    readonly headers?: Readonly<Record<string, string>>;
    /** A WebSocket opening handshake (Upgrade: websocket): success is 101 Switching Protocols. @default false */
    readonly websocket?: boolean;
  };
  readonly expect: {
    readonly status: number;
    /** Response headers that must have exactly these values (names lower-case). @default none */
    readonly headers?: Readonly<Record<string, string>>;
  };
}

/** The checks of one workload, derived from the env's resolved deployments. */
export type SmokeSuite = (env: ResolvedEnv) => readonly SmokeCheck[];

function primaryDeployment(env: ResolvedEnv, category: string, module: string): ResolvedDeployment | undefined {
  const all = env.deployments.filter((d) => d.category === category && d.module === module);
  return all.find((d) => d.region.role === "primary") ?? all[0];
}

interface AerologueApiInputs {
  readonly routes: readonly string[];
  readonly publicRoutes: readonly string[];
  readonly cors: { readonly allowOrigins: readonly string[] };
  readonly apiDomain: string;
  readonly wsDomain: string;
  readonly wsMappingKey: string;
}

/** A concrete path for a route template: every `{param}` / `{proxy+}` becomes "smoke-check". */
const concrete = (template: string) => template.replace(/\{[^}]+\}/g, "smoke-check");

/**
 * Seed 000 ARC-014 "Run integration tests" (docs/workloads/aerologue.md, "Integration tests before
 * prod"), through the public names CloudFront and the WAF answer (ADR 0075):
 * the public health route answers 200; a browser preflight on a JWT route is answered by API
 * Gateway's CORS (204, the env's origin allowed), not by the authorizer; the same route without a
 * token is refused (401); the WebSocket API accepts the opening handshake on wss://ws.<domain>/ws.
 */
export const aerologueSmoke: SmokeSuite = (env) => {
  const api = primaryDeployment(env, "aerologue-compute", "api");
  if (!api) return [];
  const inputs = api.inputs as AerologueApiInputs;
  const health = inputs.publicRoutes.find((r) => r.startsWith("GET ")) ?? inputs.publicRoutes[0];
  const protectedGet = inputs.routes.find((r) => r.startsWith("GET ") && !inputs.publicRoutes.includes(r));
  const origin = inputs.cors.allowOrigins.find((o) => o.startsWith("https://")) ?? inputs.cors.allowOrigins[0]!;
  const base = `https://${inputs.apiDomain}`;
  const checks: SmokeCheck[] = [];
  if (health) {
    checks.push({
      workload: "aerologue",
      name: "health",
      purpose: "the public health route answers through CloudFront and WAF",
      request: { method: "GET", url: `${base}${concrete(health.split(" ")[1]!)}` },
      expect: { status: 200 },
    });
  }
  if (protectedGet) {
    const url = `${base}${concrete(protectedGet.split(" ")[1]!)}`;
    checks.push(
      {
        workload: "aerologue",
        name: "cors-preflight",
        purpose: "a browser preflight on a JWT route is answered by the CORS configuration, not the authorizer",
        request: {
          method: "OPTIONS",
          url,
          headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "authorization,content-type" },
        },
        expect: { status: 204, headers: { "access-control-allow-origin": origin } },
      },
      {
        workload: "aerologue",
        name: "jwt-required",
        purpose: "a JWT route refuses a request without a token",
        request: { method: "GET", url, headers: { origin } },
        expect: { status: 401 },
      },
    );
  }
  checks.push({
    workload: "aerologue",
    name: "websocket",
    purpose: "the WebSocket API accepts the opening handshake ($connect)",
    request: { method: "GET", url: `wss://${inputs.wsDomain}/${inputs.wsMappingKey}`, headers: { origin }, websocket: true },
    expect: { status: 101 },
  });
  return checks;
};

/** Workloads with integration checks. */
export const SMOKE_SUITES: Readonly<Record<string, SmokeSuite>> = { aerologue: aerologueSmoke };
