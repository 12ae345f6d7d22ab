import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolveEnv } from "@infra/config";
import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../cli";
import { findEnv } from "../envs";
import { aerologueSmoke } from "./checks";

/**
 * A stand-in for staging's api./ws. edge: answers like API Gateway behind CloudFront (health 200,
 * CORS preflight 204 with the allowed origin, 401 without a token, 101 on the WebSocket handshake),
 * or, with `broken`, like the bugs the checks exist for (401 on the preflight, no upgrade).
 */
const ORIGIN = "https://staging.aerologue.app";
let broken = false;
let seen: { method: string; host: string; path: string; origin?: string; upgrade?: string }[] = [];

function record(req: IncomingMessage) {
  seen.push({ method: req.method!, host: String(req.headers.host), path: req.url!, origin: req.headers.origin, upgrade: req.headers.upgrade });
}

const server: Server = createServer((req, res) => {
  record(req);
  const host = String(req.headers.host);
  if (host === "api.staging.aerologue.app" && req.url === "/api/v1/health" && req.method === "GET")
    return res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  if (host === "api.staging.aerologue.app" && req.url?.startsWith("/api/v1/flights/")) {
    if (req.method === "OPTIONS" && !broken && req.headers.origin === ORIGIN && req.headers["access-control-request-method"] === "GET") {
      return res.writeHead(204, { "access-control-allow-origin": ORIGIN, "access-control-allow-methods": "DELETE,GET,OPTIONS,POST,PUT" }).end();
    }
    if (!req.headers.authorization) return res.writeHead(401, { "content-type": "application/json" }).end('{"message":"Unauthorized"}');
  }
  res.writeHead(404).end();
});
server.on("upgrade", (req, socket) => {
  record(req);
  if (!broken && req.headers.host === "ws.staging.aerologue.app" && req.url === "/ws" && req.headers["sec-websocket-version"] === "13") {
    socket.end("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: x\r\n\r\n");
  } else {
    socket.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
  }
});

let standIn: string;
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  standIn = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((r) => {
      server.close(() => r());
      // close() waits for open connections; nothing of this file's needs to outlive it.
      server.closeAllConnections();
    }),
);
beforeEach(() => {
  broken = false;
  seen = [];
});

async function smoke(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(["smoke", ...args], {
    stdout: (t) => stdout.push(t),
    stderr: (t) => stderr.push(t),
    env: { ...process.env, INFRA_SMOKE_ATTEMPTS: "2", INFRA_SMOKE_PAUSE_MS: "1" },
    ask: async () => undefined,
  });
  return { code, stdout: stdout.join(""), stderr: stderr.join("") };
}

describe("aerologue integration checks (seed 000 ARC-014)", () => {
  it("derives the four checks from each env's resolved config: its api./ws. names, a JWT route, its own origin", () => {
    for (const [env, domain] of [
      ["staging", "staging.aerologue.app"],
      ["prod", "aerologue.app"],
      ["dev", "dev.aerologue.app"],
    ] as const) {
      const checks = aerologueSmoke(resolveEnv(root, findEnv(env), WORKLOADS));
      expect(checks.map((c) => [c.name, c.request.method, c.request.url, c.expect.status])).toEqual([
        ["health", "GET", `https://api.${domain}/api/v1/health`, 200],
        ["cors-preflight", "OPTIONS", `https://api.${domain}/api/v1/flights/smoke-check`, 204],
        ["jwt-required", "GET", `https://api.${domain}/api/v1/flights/smoke-check`, 401],
        ["websocket", "GET", `wss://ws.${domain}/ws`, 101],
      ]);
      expect(checks[1]!.expect.headers).toEqual({ "access-control-allow-origin": `https://${domain}` });
      expect(checks[1]!.request.headers).toMatchObject({ origin: `https://${domain}`, "access-control-request-method": "GET" });
    }
    // uat runs no Aerologue: nothing to check there.
    expect(aerologueSmoke(resolveEnv(root, findEnv("uat"), WORKLOADS))).toEqual([]);
  });

  it("passes against a healthy stand-in, sending the real Host names, paths and origin; exit 0", async () => {
    const run = await smoke(["--env", "staging", "--connect-to", standIn]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`smoke staging (connecting to ${standIn}):`);
    expect(run.stdout).toContain("  ok   aerologue/health          GET https://api.staging.aerologue.app/api/v1/health -> 200\n");
    expect(run.stdout).toContain("OPTIONS https://api.staging.aerologue.app/api/v1/flights/smoke-check -> 204");
    expect(run.stdout).toContain("GET wss://ws.staging.aerologue.app/ws -> 101");
    expect(run.stdout).toMatch(/4 passed, 0 failed\n$/);
    expect(seen).toEqual([
      { method: "GET", host: "api.staging.aerologue.app", path: "/api/v1/health", origin: undefined, upgrade: undefined },
      { method: "OPTIONS", host: "api.staging.aerologue.app", path: "/api/v1/flights/smoke-check", origin: ORIGIN, upgrade: undefined },
      { method: "GET", host: "api.staging.aerologue.app", path: "/api/v1/flights/smoke-check", origin: ORIGIN, upgrade: undefined },
      { method: "GET", host: "ws.staging.aerologue.app", path: "/ws", origin: ORIGIN, upgrade: "websocket" },
    ]);
  });

  it("fails with exit 1 and says which check, what came back and what was expected, after the retries", async () => {
    broken = true;
    const run = await smoke(["--env", "staging", "--workload", "aerologue", "--connect-to", standIn]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'FAIL aerologue/cors-preflight  OPTIONS https://api.staging.aerologue.app/api/v1/flights/smoke-check -> 401: status 401, expected 204; access-control-allow-origin: (absent), expected "https://staging.aerologue.app" (after 2 attempts)',
    );
    expect(run.stdout).toContain("checks that a browser preflight on a JWT route is answered by the CORS configuration, not the authorizer");
    expect(run.stdout).toContain("FAIL aerologue/websocket       GET wss://ws.staging.aerologue.app/ws -> 403: status 403, expected 101 (after 2 attempts)");
    expect(run.stdout).toMatch(/2 passed, 2 failed\n$/);
    // Two attempts for each failing check, one for each passing one.
    expect(seen.filter((r) => r.method === "OPTIONS")).toHaveLength(2);
  });

  it("reports an unreachable endpoint as a failure, and --json gives the machine-readable report", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const run = await smoke(["--env", "staging", "--json", "--connect-to", `http://127.0.0.1:${port}`]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      env: string;
      passed: number;
      failed: number;
      checks: { name: string; ok: boolean; status: number | null; failure?: string }[];
    };
    expect(report).toMatchObject({ env: "staging", passed: 0, failed: 4 });
    expect(report.checks.map((c) => [c.name, c.ok, c.status])).toEqual([
      ["health", false, null],
      ["cors-preflight", false, null],
      ["jwt-required", false, null],
      ["websocket", false, null],
    ]);
    expect(report.checks[0]!.failure).toContain("ECONNREFUSED");

    const ok = await smoke(["--env", "staging", "--json", "--connect-to", standIn]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ env: "staging", connectTo: standIn, passed: 4, failed: 0 });
  });

  it("explains usage mistakes (exit 2) and has nothing to check in an env without the workload (exit 0)", async () => {
    expect(await smoke(["--env", "staging", "--workload", "platform"])).toMatchObject({
      code: 2,
      stderr: "--workload platform: no integration checks defined for it (workloads with checks: aerologue)\n",
    });
    expect(await smoke(["--env", "staging", "--connect-to", "127.0.0.1:8080"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--connect-to 127.0.0.1:8080: must be an origin like http://127.0.0.1:8080"),
    });
    expect(await smoke(["--env", "staging", "--connect-to", "http://127.0.0.1:8080/x"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("without a path"),
    });
    expect(await smoke([])).toMatchObject({ code: 2, stderr: expect.stringContaining("smoke needs --env <env>") });
    expect(await smoke(["--env", "staging", "--stack", "x"])).toMatchObject({ code: 2, stderr: "smoke does not take --stack\n" });
    expect(await smoke(["--env", "uat"])).toMatchObject({ code: 0, stdout: "smoke uat: none of aerologue is deployed here; nothing to check\n" });
  });
});
