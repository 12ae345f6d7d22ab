import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FunctionProcess, type Login, type SecretsState, functionProcess } from "./function-process.fixture";
import { PG16_SUPPORTED, type Pg16Cluster, startPg16Cluster } from "./pg16-cluster.fixture";

/**
 * The login function (ADR 0145) against a real PostgreSQL 16, the engine version of AccountabilityAtlas, whose
 * CREATEROLE rules differ from 15's. `npm run test:postgres` (not part of `npm test`: vitest.postgres.config.mts).
 * The server is set up as RDS sets one up: TLS and SCRAM-SHA-256 only, DDL logged, a master user that is not a
 * superuser (CREATEROLE, CREATEDB) owning the database, pg_trgm installed by a superuser. Every call of the
 * function runs in a process of its own with NODE_EXTRA_CA_CERTS, as on Lambda (function-process.fixture.ts).
 */
const OWNER = "atlas_owner";
const [APP, CLONE] = ["atlas_app", "atlas_app_clone"];
const APP_SECRET = "arn:aws:secretsmanager:us-east-1:111111111111:secret:accountabilityatlas/prod/database-app-AbCdEf";
const MASTER_SECRET = "arn:aws:secretsmanager:us-east-1:111111111111:secret:rds!db-1234-XyZ";
const MASTER = { user: "atlasadmin", password: "Mst3rPw0rdFr0mSecretsManager0001" };

let cluster: Pg16Cluster;
let fn: FunctionProcess;
const sm: SecretsState = {
  calls: [],
  secrets: {
    [APP_SECRET]: { rotation: true, versions: {} },
    [MASTER_SECRET]: {
      rotation: true,
      versions: { m1: { value: JSON.stringify({ username: MASTER.user, password: MASTER.password }), stages: ["AWSCURRENT"] } },
    },
  },
};
const bootstrap = () => ({ action: "bootstrap", secretId: APP_SECRET, host: cluster.host, port: cluster.port, dbname: "atlas", masterarn: MASTER_SECRET });
const invoke = async (event: object, caFile = cluster.caFile) => fn.invoke(event, sm, caFile);
const sql = (login: Login, ...statements: string[]) => fn.sql(login, statements, cluster.caFile);
const su = (database: string, ...statements: string[]) => sql({ ...cluster.superuser, database }, ...statements);
const stage = (name: string) =>
  JSON.parse(Object.values(sm.secrets[APP_SECRET]!.versions).find((v) => v.stages.includes(name))!.value!) as Record<string, string>;
const loginOf = (secret: Record<string, string>): Login => ({ user: secret["username"]!, password: secret["password"]!, database: "atlas" });
const passwordsEverStored = new Set<string>();

async function rotate(token: string): Promise<void> {
  // Secrets Manager registers the token as AWSPENDING (no value yet) before it calls createSecret.
  sm.secrets[APP_SECRET]!.versions[token] = { value: null, stages: ["AWSPENDING"] };
  for (const Step of ["createSecret", "setSecret", "testSecret", "finishSecret"]) {
    expect(await invoke({ Step, SecretId: APP_SECRET, ClientRequestToken: token })).toMatchObject({ ok: true });
  }
  passwordsEverStored.add(stage("AWSCURRENT")["password"]!);
}

/** Relations and routines of schema public with their owners ("+ext" marks an extension's member). */
async function publicObjects(): Promise<string[]> {
  const [rows] = await su(
    "atlas",
    `SELECT c.relname || ' ' || c.relkind::text || ' ' || pg_get_userbyid(c.relowner)
            || CASE WHEN EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e') THEN ' +ext' ELSE '' END
       FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
     UNION ALL
     SELECT p.oid::regprocedure::text || ' f ' || pg_get_userbyid(p.proowner)
            || CASE WHEN EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e') THEN ' +ext' ELSE '' END
       FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
     ORDER BY 1`,
  );
  return rows!.map(([line]) => line!);
}

beforeAll(async () => {
  if (!PG16_SUPPORTED) return;
  cluster = await startPg16Cluster();
  fn = await functionProcess({
    env: { OWNER, LOGINS: `${APP},${CLONE}`, ATTEMPTS: "2", PAUSE_MS: "200" },
    host: cluster.host,
    port: cluster.port,
  });
  // What RDS does at creation: the master user (not a superuser) and its database; the password only as a verifier.
  await su(
    "postgres",
    `CREATE ROLE ${MASTER.user} LOGIN CREATEROLE CREATEDB PASSWORD '${fn.scramVerifier(MASTER.password)}'`,
    `CREATE DATABASE atlas OWNER ${MASTER.user}`,
  );
  // pg_trgm installed by a superuser (rdsadmin on RDS), its functions handed to the master user: the bootstrap
  // must leave an extension's members alone even when the master user owns them.
  await su(
    "atlas",
    "CREATE EXTENSION pg_trgm SCHEMA public",
    `DO $$DECLARE r record; BEGIN FOR r IN SELECT objid::regprocedure AS f FROM pg_depend WHERE classid = 'pg_proc'::regclass AND deptype = 'e'
       AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'pg_trgm') LOOP EXECUTE format('ALTER FUNCTION %s OWNER TO ${MASTER.user}', r.f); END LOOP; END$$`,
  );
  // What phase 1's services created while they logged in as the master user.
  await sql(
    { ...MASTER, database: "atlas" },
    "CREATE TABLE items (id bigserial PRIMARY KEY, name text NOT NULL)",
    "CREATE INDEX items_name_trgm ON items USING gin (name gin_trgm_ops)",
    "CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())",
    "CREATE VIEW item_names AS SELECT name FROM items",
    "CREATE FUNCTION item_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM items'",
    "CREATE SEQUENCE invoice_numbers",
  );
});

afterAll(async () => {
  fn?.cleanup();
  await cluster?.stop();
});

describe.skipIf(!PG16_SUPPORTED)("AlternatingLogins' function on PostgreSQL 16", () => {
  it("bootstrap creates the roles and the first login; a second run changes nothing and the login still works", async () => {
    expect(await su("postgres", "SHOW server_version")).toEqual([[[expect.stringMatching(/^16\./)]]]);
    expect(await invoke(bootstrap())).toEqual({ ok: true, result: { owner: OWNER, logins: [APP, CLONE], current: APP, stored: true } });
    const first = stage("AWSCURRENT");
    passwordsEverStored.add(first["password"]!);
    expect(first).toMatchObject({ engine: "postgres", host: "localhost", port: cluster.port, dbname: "atlas", username: APP, masterarn: MASTER_SECRET });
    expect(await invoke(bootstrap())).toEqual({ ok: true, result: { owner: OWNER, logins: [APP, CLONE], current: APP, stored: false } });
    expect(Object.keys(sm.secrets[APP_SECRET]!.versions)).toHaveLength(1);
    expect(stage("AWSCURRENT")).toEqual(first);
    const [roles] = await su(
      "postgres",
      `SELECT rolname, rolcanlogin::text, rolinherit::text, coalesce(array_to_string(rolconfig, ','), '') FROM pg_roles
        WHERE rolname IN ('${OWNER}', '${APP}', '${CLONE}') ORDER BY 1`,
    );
    expect(roles).toEqual([
      [APP, "true", "true", `role=${OWNER}`],
      [CLONE, "true", "true", `role=${OWNER}`],
      [OWNER, "false", "true", ""],
    ]);
    // PostgreSQL 16: creating a role gave the master user ADMIN on it, without INHERIT or SET (the grant by the
    // bootstrap superuser); the function's own GRANTs (grantor: the master user) carry INHERIT and SET.
    const [members] = await su(
      "postgres",
      `SELECT r.rolname || ' -> ' || m.rolname || ' by ' || g.rolname || ': ' || concat_ws(' ', CASE WHEN a.admin_option THEN 'admin' END,
              CASE WHEN a.inherit_option THEN 'inherit' END, CASE WHEN a.set_option THEN 'set' END)
         FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member JOIN pg_roles g ON g.oid = a.grantor
        WHERE r.rolname LIKE 'atlas%'`,
    );
    expect(members!.map(([line]) => line).sort()).toEqual([
      `${APP} -> ${MASTER.user} by postgres: admin`,
      `${CLONE} -> ${MASTER.user} by postgres: admin`,
      `${OWNER} -> ${APP} by ${MASTER.user}: inherit set`,
      `${OWNER} -> ${CLONE} by ${MASTER.user}: inherit set`,
      `${OWNER} -> ${MASTER.user} by ${MASTER.user}: inherit set`,
      `${OWNER} -> ${MASTER.user} by postgres: admin`,
    ]);
    expect(await su("postgres", `SELECT rolsuper::text, rolcreaterole::text, rolcreatedb::text FROM pg_roles WHERE rolname = '${MASTER.user}'`)).toEqual([
      [["false", "true", "true"]],
    ]);
  });

  it("hands every object of public the master user owned to atlas_owner, and none of pg_trgm's", async () => {
    const objects = await publicObjects();
    expect(objects.filter((o) => !o.endsWith(" +ext"))).toEqual([
      "events r atlas_owner",
      "events_id_seq S atlas_owner",
      "events_pkey i atlas_owner",
      "invoice_numbers S atlas_owner",
      "item_count() f atlas_owner",
      "item_names v atlas_owner",
      "items r atlas_owner",
      "items_id_seq S atlas_owner",
      "items_name_trgm i atlas_owner",
      "items_pkey i atlas_owner",
    ]);
    const extension = objects.filter((o) => o.endsWith(" +ext"));
    expect(extension.length).toBeGreaterThan(20);
    expect(extension.filter((o) => !o.endsWith(` f ${MASTER.user} +ext`))).toEqual([]);
    expect(await su("atlas", "SELECT pg_get_userbyid(extowner) FROM pg_extension WHERE extname = 'pg_trgm'")).toEqual([[["postgres"]]]);
    // Why the bootstrap grants OWNER to the master user: on 16, the ADMIN membership a creator gets is not enough to
    // hand objects over (ALTER ... OWNER TO needs SET ROLE to the new owner). One transaction, rolled back by the error.
    const probe = "BEGIN; CREATE ROLE probe_owner NOLOGIN; CREATE TABLE probe (id int); ALTER TABLE probe OWNER TO probe_owner; COMMIT";
    expect(await fn.trySql({ ...MASTER, database: "atlas" }, [probe], cluster.caFile)).toEqual({
      ok: false,
      error: 'ERROR 42501: must be able to SET ROLE "probe_owner"',
      code: "42501",
    });
  });

  it("atlas_app's sessions act as atlas_owner and may alter what the master user created", async () => {
    const app = loginOf(stage("AWSCURRENT"));
    const [whoami] = await sql(
      app,
      "SELECT session_user, current_user",
      "ALTER TABLE items ADD COLUMN note text",
      "CREATE OR REPLACE VIEW item_names AS SELECT name, note FROM items",
      "ALTER SEQUENCE invoice_numbers RESTART WITH 1000",
      "CREATE TABLE made_by_app (id int)",
    );
    expect(whoami).toEqual([[APP, OWNER]]);
  });

  it("rotation 1 makes the clone current; the login tasks started with still logs in; each login alters what the other created", async () => {
    const before = loginOf(stage("AWSCURRENT"));
    await rotate("t1");
    const clone = loginOf(stage("AWSCURRENT"));
    expect(clone.user).toBe(CLONE);
    const [whoami] = await sql(
      clone,
      "SELECT session_user, current_user",
      "ALTER TABLE made_by_app ADD COLUMN by_clone int",
      "CREATE TABLE made_by_clone (id int)",
    );
    expect(whoami).toEqual([[CLONE, OWNER]]);
    const [stillApp] = await sql(before, "SELECT session_user, current_user", "ALTER TABLE made_by_clone ADD COLUMN by_app int", "DROP TABLE made_by_app");
    expect(stillApp).toEqual([[APP, OWNER]]);
    expect((await publicObjects()).filter((o) => o.startsWith("made_by"))).toEqual(["made_by_clone r atlas_owner"]);
  });

  it("rotation 2 gives atlas_app a new password: the login from before it is refused, the clone (now previous) still logs in", async () => {
    const appBefore = loginOf(JSON.parse(Object.values(sm.secrets[APP_SECRET]!.versions)[0]!.value!) as Record<string, string>);
    const clone = loginOf(stage("AWSCURRENT"));
    await rotate("t2");
    const app = loginOf(stage("AWSCURRENT"));
    expect(app.user).toBe(APP);
    expect(app.password).not.toBe(appBefore.password);
    expect(await fn.trySql(appBefore, ["SELECT 1"], cluster.caFile)).toEqual({
      ok: false,
      error: `FATAL 28P01: password authentication failed for user "${APP}"`,
      code: "28P01",
    });
    expect(await sql(clone, "SELECT session_user, current_user")).toEqual([[[CLONE, OWNER]]]);
    expect(await sql(app, "SELECT session_user, current_user")).toEqual([[[APP, OWNER]]]);
  });

  it("the server's statement log holds the passwords only as SCRAM verifiers", () => {
    const log = cluster.log();
    const passwordStatements = log.split("\n").filter((line) => /statement: .*PASSWORD/i.test(line));
    // The master user's creation, two bootstraps and two setSecret steps, each logged as DDL.
    expect(passwordStatements).toHaveLength(5);
    for (const line of passwordStatements)
      expect(line).toMatch(/statement: (CREATE|ALTER) ROLE \S+ (LOGIN CREATEROLE CREATEDB )?PASSWORD 'SCRAM-SHA-256\$4096:[^']+'$/);
    expect(passwordsEverStored.size).toBe(3);
    for (const password of [...passwordsEverStored, MASTER.password, cluster.superuser.password]) expect(log).not.toContain(password);
  });

  it("refuses a server certificate for another name and a CA it was not told to trust", async () => {
    await expect(invoke(bootstrap(), cluster.untrustedCaFile)).resolves.toEqual({
      ok: false,
      error: "log in to localhost as the master user: unable to verify the first certificate",
      code: undefined,
    });
    await cluster.useCertificate("other-name");
    try {
      const refused = await invoke(bootstrap());
      expect(refused).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^log in to localhost as the master user: Hostname\/IP does not match certificate's altnames/),
      });
    } finally {
      await cluster.useCertificate("own");
    }
    expect(await invoke(bootstrap())).toMatchObject({ ok: true, result: { current: APP, stored: false } });
  });
});
