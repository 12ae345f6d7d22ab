import { randomBytes } from "node:crypto";
import { request as httpRequest, type IncomingHttpHeaders, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import type { SmokeCheck } from "./checks";

export interface ProbeOptions {
  /**
   * Send every request to this origin (e.g. http://127.0.0.1:8080, a stand-in server or one edge)
   * instead of the URL's host; the Host header (and TLS server name) stay the checked name.
   * @default the URL's own host
   */
  readonly connectTo?: URL;
  /** Per request. @default 10000 */
  readonly timeoutMs?: number;
}

export interface ProbeResult {
  /** HTTP status, or undefined when no response came (the error says why). */
  readonly status?: number;
  readonly headers: IncomingHttpHeaders;
  readonly error?: string;
}

/** One request of a check, with Node's own HTTP client (no fetch: it may not set Host or read a 101). */
export function probe(check: SmokeCheck, options: ProbeOptions = {}): Promise<ProbeResult> {
  const target = new URL(check.request.url.replace(/^wss:/, "https:").replace(/^ws:/, "http:"));
  const via = options.connectTo ?? target;
  const secure = via.protocol === "https:";
  const headers: Record<string, string> = { host: target.host, "user-agent": "infra-smoke", ...check.request.headers };
  if (check.request.websocket) {
    Object.assign(headers, {
      connection: "Upgrade",
      upgrade: "websocket",
      "sec-websocket-version": "13",
      "sec-websocket-key": randomBytes(16).toString("base64"),
    });
  }
  const requestOptions: RequestOptions & { servername?: string } = {
    protocol: via.protocol,
    hostname: via.hostname,
    port: via.port || (secure ? 443 : 80),
    path: `${target.pathname}${target.search}`,
    method: check.request.method,
    headers,
    timeout: options.timeoutMs ?? 10_000,
    // A fresh connection per check: each probes the edge as a new client would, and a pooled
    // keep-alive socket the server has just closed cannot turn a real answer into "socket hang up".
    agent: false,
    ...(secure ? { servername: target.hostname } : {}),
  };
  return new Promise((resolve) => {
    const req = (secure ? httpsRequest : httpRequest)(requestOptions);
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode, headers: res.headers });
    });
    req.on("response", (res) => {
      res.resume();
      resolve({ status: res.statusCode, headers: res.headers });
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${requestOptions.timeout} ms`)));
    req.on("error", (err) => resolve({ headers: {}, error: err.message }));
    req.end();
  });
}

/** Why a result does not meet the check's expectation, or undefined when it does. */
export function mismatch(check: SmokeCheck, result: ProbeResult): string | undefined {
  if (result.status === undefined) return result.error ?? "no response";
  const problems: string[] = [];
  if (result.status !== check.expect.status) problems.push(`status ${result.status}, expected ${check.expect.status}`);
  for (const [name, value] of Object.entries(check.expect.headers ?? {})) {
    const got = result.headers[name];
    if (got !== value) problems.push(`${name}: ${got === undefined ? "(absent)" : JSON.stringify(got)}, expected ${JSON.stringify(value)}`);
  }
  return problems.length ? problems.join("; ") : undefined;
}
