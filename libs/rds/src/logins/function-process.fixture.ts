import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { importInlineModules } from "@infra/testing-core";
import { LOGINS_HANDLER_SOURCE } from "./handler-source";
import { PG_WIRE_SOURCE } from "./pg-wire-source";
import { FAKE_SECRETS_MANAGER_SDK } from "./secrets-manager.fixture";

/** The in-memory Secrets Manager of secrets-manager.fixture.ts (`globalThis.__logins.sm`). */
export interface SecretsState {
  calls: string[];
  secrets: Record<string, { rotation: boolean; versions: Record<string, { value: string | null; stages: string[] }> }>;
}
export type Outcome = { ok: true; result: unknown } | { ok: false; error: string; code?: string };
export interface Login {
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

/**
 * Runs in a fresh Node.js process per call, like an invocation of the function: the real `index.mjs` and
 * `pg-wire.mjs` (with the in-memory Secrets Manager package), or pg-wire's `connect` alone for a test's own
 * sessions. A new process is what makes the CA trust real: Node.js reads NODE_EXTRA_CA_CERTS once, at start,
 * exactly as the function gets the runtime's CA bundle, and pg-wire takes no other trust setting.
 */
const RUNNER = `import { readFileSync, writeFileSync } from "node:fs";
const request = JSON.parse(readFileSync(process.argv[2], "utf8"));
let out;
try {
  if (request.event) {
    globalThis.__logins = { sm: request.sm };
    const { handler } = await import("./index.mjs");
    out = { ok: true, result: await handler(request.event) };
  } else {
    const { connect } = await import("./pg-wire.mjs");
    const session = await connect(request.login);
    try {
      const results = [];
      for (const sql of request.statements) results.push(await session.query(sql));
      out = { ok: true, result: results };
    } finally {
      await session.close();
    }
  }
} catch (err) {
  out = { ok: false, error: String(err && err.message), ...(err && err.code ? { code: err.code } : {}) };
}
writeFileSync(process.argv[3], JSON.stringify({ ...out, sm: globalThis.__logins?.sm }));
`;

export interface FunctionProcess {
  /** pg-wire's SCRAM verifier, in this process (no connection). */
  readonly scramVerifier: (password: string) => string;
  /** Invokes the handler with `event` against `sm` (updated in place), trusting `caFile`. */
  invoke(event: object, sm: SecretsState, caFile: string): Promise<Outcome>;
  /** One pg-wire session: the statements' rows (text), trusting `caFile`. */
  sql(login: Login, statements: readonly string[], caFile: string): Promise<string[][][]>;
  /** Like sql, but the outcome (a refusal is not thrown). */
  trySql(login: Login, statements: readonly string[], caFile: string): Promise<Outcome>;
  cleanup(): void;
}

export async function functionProcess(options: {
  readonly env: Readonly<Record<string, string>>;
  readonly host: string;
  readonly port: number;
}): Promise<FunctionProcess> {
  const loaded = await importInlineModules<{ scramVerifier: (password: string) => string }>({
    files: { "pg-wire.mjs": PG_WIRE_SOURCE, "index.mjs": LOGINS_HANDLER_SOURCE, "run.mjs": RUNNER },
    packages: { "@aws-sdk/client-secrets-manager": FAKE_SECRETS_MANAGER_SDK },
    entry: "pg-wire.mjs",
  });
  let n = 0;
  const call = async (request: object, caFile: string): Promise<Outcome & { sm?: SecretsState }> => {
    const id = ++n;
    const [input, output] = [join(loaded.dir, `request-${id}.json`), join(loaded.dir, `response-${id}.json`)];
    writeFileSync(input, JSON.stringify(request));
    // The function's environment only (no NODE_OPTIONS or other state of the test runner).
    const env = { PATH: process.env["PATH"] ?? "/usr/bin:/bin", ...options.env, NODE_EXTRA_CA_CERTS: caFile };
    await promisify(execFile)(process.execPath, [join(loaded.dir, "run.mjs"), input, output], { cwd: loaded.dir, env, timeout: 60_000 });
    return JSON.parse(readFileSync(output, "utf8")) as Outcome & { sm?: SecretsState };
  };
  const trySql = (login: Login, statements: readonly string[], caFile: string) =>
    call({ login: { host: options.host, port: options.port, ...login }, statements }, caFile);
  return {
    scramVerifier: loaded.module.scramVerifier,
    async invoke(event, sm, caFile) {
      const { sm: after, ...outcome } = await call({ event, sm }, caFile);
      if (after) Object.assign(sm, after);
      return outcome;
    },
    trySql,
    async sql(login, statements, caFile) {
      const outcome = await trySql(login, statements, caFile);
      if (!outcome.ok) throw new Error(`as ${login.user} on ${login.database}: ${outcome.error}`);
      return outcome.result as string[][][];
    },
    cleanup: loaded.cleanup,
  };
}
