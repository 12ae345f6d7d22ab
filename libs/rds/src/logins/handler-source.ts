/**
 * Source of `index.mjs`, the login function of {@link AlternatingLogins} (ADR 0145): an ES module for
 * the nodejs24.x runtime, whose bundled AWS SDK v3 has the Secrets Manager client; the PostgreSQL
 * client is the sibling `pg-wire.mjs` (PG_WIRE_SOURCE).
 *
 * Configuration (the function's environment): OWNER, the NOLOGIN role that owns the application's
 * objects; LOGINS, the two login roles "a,b" that take turns; ATTEMPTS and PAUSE_MS
 * for what is transient on a first apply (IAM policies seconds old, the instance still starting).
 *
 * Two kinds of event:
 * - `{ action: "bootstrap", secretId, host, port, dbname, masterarn }`, from aws_lambda_invocation on
 *   apply: creates OWNER and both logins (each a member of OWNER whose sessions run as OWNER, so every
 *   object either login creates belongs to OWNER), grants OWNER the database and schema public, hands
 *   OWNER the objects in public the master user owns (what the application created while it logged in
 *   as the master user), then makes the secret's AWSCURRENT log in: a first run generates it (the first
 *   login, a password from the CSPRNG), a later run sets the current login's password again
 *   and refreshes host/port/dbname/masterarn if the input changed. Idempotent.
 * - Secrets Manager's rotation steps `{ Step, SecretId, ClientRequestToken }` (alternating users):
 *   createSecret puts AWSPENDING = the other login with a new password; setSecret sets that password
 *   (as the master user, from the secret's `masterarn`); testSecret logs in with it; finishSecret moves
 *   AWSCURRENT. The login that was current keeps its password until the next rotation, so a task that
 *   read it at start keeps opening connections for a whole rotation period.
 * Passwords reach the server only as SCRAM verifiers (`scramVerifier`): the DDL statement log never
 * holds one.
 */
export const LOGINS_HANDLER_SOURCE = String.raw`import { randomInt } from "node:crypto";
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from "@aws-sdk/client-secrets-manager";
import { connect, quoteIdent, quoteLiteral, scramVerifier } from "./pg-wire.mjs";

const sm = new SecretsManagerClient({});
const OWNER = process.env.OWNER;
const LOGINS = (process.env.LOGINS ?? "").split(",");
const PASSWORD_LENGTH = 32;
const ATTEMPTS = Number(process.env.ATTEMPTS ?? "24");
const PAUSE_MS = Number(process.env.PAUSE_MS ?? "5000");
const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function configured() {
  if (!NAME.test(OWNER ?? "") || LOGINS.length !== 2 || !LOGINS.every((l) => NAME.test(l)) || LOGINS[0] === LOGINS[1]) {
    throw new Error("OWNER and LOGINS (two different lower-case role names) must be set, got OWNER=" + OWNER + " LOGINS=" + LOGINS.join(","));
  }
}

function transient(err) {
  const name = err && (err.name ?? "");
  const code = err && (err.code ?? "");
  return name === "AccessDeniedException" || ["ECONNREFUSED", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH"].includes(code) || /no answer from/.test(String(err && err.message));
}

async function retrying(what, fn) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= ATTEMPTS || !transient(err)) throw new Error(what + ": " + (err && err.message), { cause: err });
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  }
}

async function secretJson(SecretId, stage, VersionId) {
  const out = await retrying("read " + SecretId, () => sm.send(new GetSecretValueCommand({ SecretId, VersionStage: stage, ...(VersionId ? { VersionId } : {}) })));
  return JSON.parse(out.SecretString);
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Letters and digits from the CSPRNG (no quoting in a JDBC URL or a shell; ~5.95 bits a character). */
export function newPassword(length = PASSWORD_LENGTH) {
  let out = "";
  while (out.length < length) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

export function otherLogin(username) {
  const at = LOGINS.indexOf(username);
  if (at < 0) throw new Error("the secret's username " + username + " is neither of the logins " + LOGINS.join(", "));
  return LOGINS[1 - at];
}

async function asMaster(secret, fn) {
  const master = await secretJson(secret.masterarn, "AWSCURRENT");
  const session = await retrying("log in to " + secret.host + " as the master user", () =>
    connect({ host: secret.host, port: Number(secret.port ?? 5432), user: master.username, password: master.password, database: secret.dbname }),
  );
  try {
    return await fn(session, master.username);
  } finally {
    await session.close();
  }
}

/** The statements that make OWNER and both logins exist as they should (idempotent). */
export function roleStatements(dbname) {
  const owner = quoteIdent(OWNER);
  const ifMissing = (role, create) =>
    "DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = " + quoteLiteral(role) + ") THEN " + create + "; END IF; END$$";
  return [
    ifMissing(OWNER, "CREATE ROLE " + owner + " NOLOGIN"),
    // The master user may then hand OWNER its objects (ALTER ... OWNER TO needs membership).
    "GRANT " + owner + " TO CURRENT_USER",
    ...LOGINS.flatMap((login) => [
      ifMissing(login, "CREATE ROLE " + quoteIdent(login) + " LOGIN"),
      "ALTER ROLE " + quoteIdent(login) + " WITH LOGIN INHERIT",
      "GRANT " + owner + " TO " + quoteIdent(login),
      // Every session of either login runs as OWNER: what one creates, the other may alter.
      "ALTER ROLE " + quoteIdent(login) + " SET role TO " + quoteLiteral(OWNER),
    ]),
    "GRANT CONNECT, TEMPORARY, CREATE ON DATABASE " + quoteIdent(dbname) + " TO " + owner,
    "GRANT USAGE, CREATE ON SCHEMA public TO " + owner,
  ];
}

/** Hands OWNER the relations and routines in schema public that the master user owns (not an extension's). */
export function ownershipStatement() {
  const owner = quoteLiteral(OWNER);
  return [
    "DO $$DECLARE r record; BEGIN",
    "FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace",
    "  WHERE n.nspname = 'public' AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)",
    "  AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')",
    "  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))",
    "LOOP",
    "  EXECUTE format('ALTER %s %s OWNER TO %I', CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, r.name, " + owner + ");",
    "END LOOP;",
    "FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace",
    "  WHERE n.nspname = 'public' AND p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)",
    "  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')",
    "LOOP",
    "  EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.name, " + owner + ");",
    "END LOOP;",
    "END$$",
  ].join("\n");
}

const setPassword = (login, password) => "ALTER ROLE " + quoteIdent(login) + " PASSWORD " + quoteLiteral(scramVerifier(password));

async function checkLogin(secret) {
  const session = await retrying("log in as " + secret.username, () =>
    connect({ host: secret.host, port: Number(secret.port ?? 5432), user: secret.username, password: secret.password, database: secret.dbname }),
  );
  try {
    const [[sessionUser, currentUser]] = await session.query("SELECT session_user, current_user");
    if (sessionUser !== secret.username || currentUser !== OWNER) {
      throw new Error("logged in as " + sessionUser + " acting as " + currentUser + "; expected " + secret.username + " acting as " + OWNER);
    }
  } finally {
    await session.close();
  }
}

async function bootstrap(event) {
  const described = await retrying("describe " + event.secretId, () => sm.send(new DescribeSecretCommand({ SecretId: event.secretId })));
  const hasCurrent = Object.values(described.VersionIdsToStages ?? {}).some((stages) => stages.includes("AWSCURRENT"));
  const connection = { engine: "postgres", host: event.host, port: Number(event.port), dbname: event.dbname, masterarn: event.masterarn };
  const current = hasCurrent ? await secretJson(event.secretId, "AWSCURRENT") : { username: LOGINS[0], password: newPassword() };
  otherLogin(current.username);
  const secret = { ...current, ...connection };
  await asMaster(secret, async (session) => {
    for (const sql of roleStatements(secret.dbname)) await session.query(sql);
    await session.query(ownershipStatement());
    await session.query(setPassword(secret.username, secret.password));
  });
  const changed = !hasCurrent || Object.entries(connection).some(([key, value]) => current[key] !== value);
  if (changed) await retrying("store the credentials", () => sm.send(new PutSecretValueCommand({ SecretId: event.secretId, SecretString: JSON.stringify(secret) })));
  await checkLogin(secret);
  return { owner: OWNER, logins: LOGINS, current: secret.username, stored: changed };
}

async function rotate({ Step, SecretId, ClientRequestToken: token }) {
  const described = await sm.send(new DescribeSecretCommand({ SecretId }));
  if (!described.RotationEnabled) throw new Error("rotation is not enabled on " + SecretId);
  const stages = (described.VersionIdsToStages ?? {})[token];
  if (!stages) throw new Error("version " + token + " of " + SecretId + " has no stage");
  if (stages.includes("AWSCURRENT")) return { step: Step, done: "already AWSCURRENT" };
  if (!stages.includes("AWSPENDING")) throw new Error("version " + token + " of " + SecretId + " is not AWSPENDING");

  if (Step === "createSecret") {
    const current = await secretJson(SecretId, "AWSCURRENT");
    try {
      await secretJson(SecretId, "AWSPENDING", token);
      return { step: Step, done: "pending version exists" };
    } catch (err) {
      if (!err || !err.cause || err.cause.name !== "ResourceNotFoundException") throw err;
    }
    const pending = { ...current, username: otherLogin(current.username), password: newPassword() };
    await sm.send(new PutSecretValueCommand({ SecretId, ClientRequestToken: token, SecretString: JSON.stringify(pending), VersionStages: ["AWSPENDING"] }));
    return { step: Step, pending: pending.username };
  }
  const pending = await secretJson(SecretId, "AWSPENDING", token);
  if (Step === "setSecret") {
    otherLogin(pending.username);
    await asMaster(pending, async (session) => {
      for (const sql of roleStatements(pending.dbname)) await session.query(sql);
      await session.query(setPassword(pending.username, pending.password));
    });
    return { step: Step, set: pending.username };
  }
  if (Step === "testSecret") {
    await checkLogin(pending);
    return { step: Step, tested: pending.username };
  }
  if (Step === "finishSecret") {
    const currentVersion = Object.entries(described.VersionIdsToStages).find(([, s]) => s.includes("AWSCURRENT"))?.[0];
    await sm.send(
      new UpdateSecretVersionStageCommand({ SecretId, VersionStage: "AWSCURRENT", MoveToVersionId: token, ...(currentVersion ? { RemoveFromVersionId: currentVersion } : {}) }),
    );
    return { step: Step, current: pending.username };
  }
  throw new Error("unknown rotation step " + Step);
}

export async function handler(event) {
  configured();
  if (event && event.action === "bootstrap") return bootstrap(event);
  if (event && event.Step) return rotate(event);
  throw new Error("expected a bootstrap input or a Secrets Manager rotation step, got " + JSON.stringify(Object.keys(event ?? {})));
}
`;
