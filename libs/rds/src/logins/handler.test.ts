import { importInlineModules } from "@infra/testing-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LOGINS_HANDLER_SOURCE } from "./handler-source";
import { PG_WIRE_SOURCE } from "./pg-wire-source";
import { FAKE_SECRETS_MANAGER_SDK } from "./secrets-manager.fixture";

/**
 * The function's two modules run as written (ES modules) in a temporary folder: pg-wire.mjs for real
 * (SCRAM against RFC 7677's example), and index.mjs against stand-ins for the runtime's Secrets Manager
 * client (an in-memory store that behaves like the service: stages move, a valueless AWSPENDING is
 * ResourceNotFound) and for pg-wire's connect (a role table that checks passwords against the SCRAM
 * verifiers the function sends). Against a real PostgreSQL 16 with TLS and SCRAM: alternating-logins.pg.test.ts.
 */

/** pg-wire's quoting and verifiers for real; connect() against a table of roles whose passwords are SCRAM verifiers. */
const FAKE_PG = `
import { scramKeys, quoteIdent, quoteLiteral, scramVerifier } from "./pg-wire-real.mjs";
export { quoteIdent, quoteLiteral, scramVerifier };
function accepts(verifier, password) {
  if (!verifier) return false;
  const [, iterations, salt, stored] = /^SCRAM-SHA-256\\$(\\d+):([^$]+)\\$([^:]+):/.exec(verifier);
  return scramKeys(password, Buffer.from(salt, "base64"), Number(iterations)).storedKey.toString("base64") === stored;
}
export async function connect({ host, user, password, database }) {
  const db = globalThis.__logins.db;
  if (db.unreachable > 0) { db.unreachable--; throw Object.assign(new Error("connect ECONNREFUSED " + host), { code: "ECONNREFUSED" }); }
  if (!accepts(db.roles[user]?.password, password)) throw Object.assign(new Error("FATAL 28P01: password authentication failed for user " + user), { code: "28P01" });
  db.logins.push(user + "@" + host + "/" + database);
  return {
    async query(sql) {
      db.statements.push({ as: user, sql });
      const created = /^DO \\$\\$BEGIN IF NOT EXISTS .* THEN CREATE ROLE "([a-z_0-9]+)"/.exec(sql);
      if (created) db.roles[created[1]] ??= { password: undefined };
      const altered = /^ALTER ROLE "([a-z_0-9]+)" PASSWORD '([^']+)'$/.exec(sql);
      if (altered) db.roles[altered[1]].password = altered[2];
      if (sql === "SELECT session_user, current_user") return [[user, db.actsAs[user] ?? "atlas_owner"]];
      return [];
    },
    async close() {},
  };
}`;

type Handler = (event: unknown) => Promise<Record<string, unknown>>;
interface Version {
  value: string | null;
  stages: string[];
}
interface State {
  sm: { calls: string[]; secrets: Record<string, { rotation: boolean; versions: Record<string, Version> }> };
  db: {
    roles: Record<string, { password: string | undefined }>;
    statements: { as: string; sql: string }[];
    logins: string[];
    unreachable: number;
    actsAs: Record<string, string>;
  };
}
const state = (): State => (globalThis as unknown as { __logins: State }).__logins;

let loaded: Awaited<ReturnType<typeof importInlineModules<{ handler: Handler; newPassword: () => string }>>>;
let handler: Handler;
let wire: {
  scramClient: (u: string, p: string, nonce?: string) => { first(): string; final(s: string): string; verify(s: string): void };
  scramVerifier: (p: string, salt?: Buffer, i?: number) => string;
  quoteIdent: (s: string) => string;
  quoteLiteral: (s: string) => string;
};
let newPassword: () => string;

const APP = "arn:aws:secretsmanager:us-east-1:111111111111:secret:accountabilityatlas/prod/database-app-AbCdEf";
const MASTER = "arn:aws:secretsmanager:us-east-1:111111111111:secret:rds!db-1234-XyZ";
const BOOTSTRAP = {
  action: "bootstrap",
  secretId: APP,
  host: "acct-atlas-prod.abc.us-east-1.rds.amazonaws.com",
  port: 5432,
  dbname: "atlas",
  masterarn: MASTER,
};
const current = (): Record<string, unknown> =>
  JSON.parse(Object.values(state().sm.secrets[APP]!.versions).find((v) => v.stages.includes("AWSCURRENT"))!.value!) as Record<string, unknown>;
const versionWith = (stage: string) => Object.entries(state().sm.secrets[APP]!.versions).find(([, v]) => v.stages.includes(stage))?.[0];

beforeAll(async () => {
  Object.assign(process.env, { OWNER: "atlas_owner", LOGINS: "atlas_app,atlas_app_clone", ATTEMPTS: "3", PAUSE_MS: "1" });
  loaded = await importInlineModules({
    files: { "pg-wire-real.mjs": PG_WIRE_SOURCE, "pg-wire.mjs": FAKE_PG, "index.mjs": LOGINS_HANDLER_SOURCE },
    packages: { "@aws-sdk/client-secrets-manager": FAKE_SECRETS_MANAGER_SDK },
  });
  handler = loaded.module.handler;
  newPassword = loaded.module.newPassword;
  wire = await loaded.importFile<typeof wire>("pg-wire-real.mjs");
});
afterAll(() => {
  loaded.cleanup();
  for (const k of ["OWNER", "LOGINS", "ATTEMPTS", "PAUSE_MS"]) delete process.env[k];
});
beforeEach(() => {
  (globalThis as unknown as { __logins: State }).__logins = {
    sm: {
      calls: [],
      secrets: {
        [APP]: { rotation: true, versions: {} },
        [MASTER]: { rotation: true, versions: { m1: { value: JSON.stringify({ username: "atlasadmin", password: "master-pw" }), stages: ["AWSCURRENT"] } } },
      },
    },
    db: { roles: { atlasadmin: { password: wire.scramVerifier("master-pw") } }, statements: [], logins: [], unreachable: 0, actsAs: {} },
  };
});

async function rotate(token: string): Promise<void> {
  // Secrets Manager registers the token as AWSPENDING (no value) before it calls createSecret.
  state().sm.secrets[APP]!.versions[token] = { value: null, stages: ["AWSPENDING"] };
  for (const Step of ["createSecret", "setSecret", "testSecret", "finishSecret"]) await handler({ Step, SecretId: APP, ClientRequestToken: token });
}

describe("pg-wire", () => {
  it("computes RFC 7677's SCRAM-SHA-256 example exactly (client proof and server signature)", () => {
    const scram = wire.scramClient("user", "pencil", "rOprNGfwEbeRWgbNEkqO");
    expect(scram.first()).toBe("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
    expect(scram.final("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")).toBe(
      "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
    );
    expect(() => scram.verify("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")).not.toThrow();
    expect(() => scram.verify("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")).toThrow(/signature does not verify/);
    expect(() => wire.scramClient("user", "pencil", "abc").final("r=zzz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")).toThrow(/malformed server-first/);
  });

  it("writes the verifier PostgreSQL stores (SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>), never the password", () => {
    const salt = Buffer.from("W22ZaJ0SNY7soEsUEjb6gQ==", "base64");
    const verifier = wire.scramVerifier("pencil", salt, 4096);
    // RFC 7677's salt and password: StoredKey and ServerKey are the keys its exchange proves.
    expect(verifier).toBe(
      "SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=",
    );
    expect(verifier).not.toContain("pencil");
    expect(wire.quoteIdent('a"b')).toBe('"a""b"');
    expect(wire.quoteLiteral("it's")).toBe("'it''s'");
  });
});

describe("login function", () => {
  it("bootstrap: creates the owner and both logins as the master user, hands over the master user's objects, stores atlas_app and proves it logs in", async () => {
    const out = await handler(BOOTSTRAP);
    expect(out).toEqual({ owner: "atlas_owner", logins: ["atlas_app", "atlas_app_clone"], current: "atlas_app", stored: true });
    const secret = current();
    expect(Object.keys(secret).sort()).toEqual(["dbname", "engine", "host", "masterarn", "password", "port", "username"]);
    expect(secret).toMatchObject({ engine: "postgres", host: BOOTSTRAP.host, port: 5432, dbname: "atlas", username: "atlas_app", masterarn: MASTER });
    expect(secret["password"]).toMatch(/^[A-Za-z0-9]{32}$/);
    const sql = state()
      .db.statements.filter((s) => s.as === "atlasadmin")
      .map((s) => s.sql);
    expect(sql.slice(0, 2)).toEqual([
      `DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'atlas_owner') THEN CREATE ROLE "atlas_owner" NOLOGIN; END IF; END$$`,
      `GRANT "atlas_owner" TO CURRENT_USER`,
    ]);
    for (const login of ["atlas_app", "atlas_app_clone"]) {
      expect(sql).toContain(`GRANT "atlas_owner" TO "${login}"`);
      expect(sql).toContain(`ALTER ROLE "${login}" SET role TO 'atlas_owner'`);
    }
    expect(sql).toContain(`GRANT CONNECT, TEMPORARY, CREATE ON DATABASE "atlas" TO "atlas_owner"`);
    expect(sql).toContain(`GRANT USAGE, CREATE ON SCHEMA public TO "atlas_owner"`);
    expect(sql.find((s) => s.startsWith("DO $$DECLARE"))).toMatch(
      /relowner = \(SELECT oid FROM pg_roles WHERE rolname = current_user\)[\s\S]*deptype IN \('e', 'a', 'i'\)/,
    );
    // The password travels only as a verifier, and only for the current login.
    const passwords = sql.filter((s) => / PASSWORD /.test(s));
    expect(passwords).toHaveLength(1);
    expect(passwords[0]).toMatch(/^ALTER ROLE "atlas_app" PASSWORD 'SCRAM-SHA-256\$4096:/);
    expect(sql.join("\n")).not.toContain(secret["password"] as string);
    expect(state().db.logins).toEqual([`atlasadmin@${BOOTSTRAP.host}/atlas`, `atlas_app@${BOOTSTRAP.host}/atlas`]);
  });

  it("bootstrap is idempotent: a second run stores nothing new and the current login still logs in", async () => {
    await handler(BOOTSTRAP);
    const first = current();
    const out = await handler(BOOTSTRAP);
    expect(out["stored"]).toBe(false);
    expect(current()).toEqual(first);
    expect(Object.keys(state().sm.secrets[APP]!.versions)).toHaveLength(1);
    // A new host (a replaced instance) is written with the same login.
    expect((await handler({ ...BOOTSTRAP, host: "new-host.rds.amazonaws.com" }))["stored"]).toBe(true);
    expect(current()).toMatchObject({ username: "atlas_app", password: first["password"], host: "new-host.rds.amazonaws.com" });
  });

  it("bootstrap waits out a database that does not answer yet, and fails with the cause when it never does", async () => {
    state().db.unreachable = 2;
    await expect(handler(BOOTSTRAP)).resolves.toMatchObject({ current: "atlas_app" });
    state().db.unreachable = 5;
    await expect(handler(BOOTSTRAP)).rejects.toThrow(/log in to .* as the master user: connect ECONNREFUSED/);
  });

  it("rotation alternates the logins: the previous login keeps working for a whole period, the one before is replaced", async () => {
    await handler(BOOTSTRAP);
    const first = current();
    await rotate("t1");
    const second = current();
    expect(second).toMatchObject({ username: "atlas_app_clone", host: BOOTSTRAP.host, masterarn: MASTER });
    expect(second["password"]).not.toBe(first["password"]);
    expect(versionWith("AWSCURRENT")).toBe("t1");
    // The login tasks started with is untouched: its password still opens sessions.
    const { connect } = await loaded.importFile<{ connect: (o: Record<string, unknown>) => Promise<unknown> }>("pg-wire.mjs");
    await expect(connect({ host: "h", user: "atlas_app", password: first["password"], database: "atlas" })).resolves.toBeDefined();
    await rotate("t2");
    expect(current()["username"]).toBe("atlas_app");
    await expect(connect({ host: "h", user: "atlas_app", password: first["password"], database: "atlas" })).rejects.toThrow(/28P01/);
    await expect(connect({ host: "h", user: "atlas_app_clone", password: second["password"], database: "atlas" })).resolves.toBeDefined();
    // setSecret ran as the master user and changed only the pending login's password.
    const altered = state()
      .db.statements.filter((s) => / PASSWORD /.test(s.sql))
      .map((s) => `${s.as}: ${s.sql.replace(/'SCRAM-SHA-256\$4096:[^']+'$/, "<verifier>")}`);
    expect(altered).toEqual([
      'atlasadmin: ALTER ROLE "atlas_app" PASSWORD <verifier>',
      'atlasadmin: ALTER ROLE "atlas_app_clone" PASSWORD <verifier>',
      'atlasadmin: ALTER ROLE "atlas_app" PASSWORD <verifier>',
    ]);
  });

  it("a repeated createSecret keeps the pending value; a finished version is left alone", async () => {
    await handler(BOOTSTRAP);
    state().sm.secrets[APP]!.versions["t1"] = { value: null, stages: ["AWSPENDING"] };
    await handler({ Step: "createSecret", SecretId: APP, ClientRequestToken: "t1" });
    const pending = state().sm.secrets[APP]!.versions["t1"]!.value;
    await expect(handler({ Step: "createSecret", SecretId: APP, ClientRequestToken: "t1" })).resolves.toMatchObject({ done: "pending version exists" });
    expect(state().sm.secrets[APP]!.versions["t1"]!.value).toBe(pending);
    for (const Step of ["setSecret", "testSecret", "finishSecret"]) await handler({ Step, SecretId: APP, ClientRequestToken: "t1" });
    await expect(handler({ Step: "finishSecret", SecretId: APP, ClientRequestToken: "t1" })).resolves.toMatchObject({ done: "already AWSCURRENT" });
  });

  it("refuses what it must not do: rotation disabled, an unknown version, a login that is neither of the pair, a session not acting as the owner", async () => {
    await handler(BOOTSTRAP);
    state().sm.secrets[APP]!.rotation = false;
    await expect(handler({ Step: "createSecret", SecretId: APP, ClientRequestToken: "x" })).rejects.toThrow(/rotation is not enabled/);
    state().sm.secrets[APP]!.rotation = true;
    await expect(handler({ Step: "createSecret", SecretId: APP, ClientRequestToken: "x" })).rejects.toThrow(/version x .* has no stage/);
    const v = Object.values(state().sm.secrets[APP]!.versions)[0]!;
    v.value = JSON.stringify({ ...current(), username: "someone_else" });
    state().sm.secrets[APP]!.versions["t1"] = { value: null, stages: ["AWSPENDING"] };
    await expect(handler({ Step: "createSecret", SecretId: APP, ClientRequestToken: "t1" })).rejects.toThrow(
      /someone_else is neither of the logins atlas_app, atlas_app_clone/,
    );
    v.value = JSON.stringify({ ...current(), username: "atlas_app" });
    state().db.actsAs["atlas_app"] = "atlas_app";
    await expect(handler(BOOTSTRAP)).rejects.toThrow(/logged in as atlas_app acting as atlas_app; expected atlas_app acting as atlas_owner/);
    await expect(handler({ something: 1 })).rejects.toThrow(/expected a bootstrap input or a Secrets Manager rotation step, got \["something"\]/);
  });

  it("generates 32 letters and digits from the CSPRNG", () => {
    const passwords = new Set(Array.from({ length: 50 }, () => newPassword()));
    expect(passwords.size).toBe(50);
    for (const p of passwords) expect(p).toMatch(/^[A-Za-z0-9]{32}$/);
  });
});
