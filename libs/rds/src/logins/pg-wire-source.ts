/**
 * Source of `pg-wire.mjs`, the PostgreSQL client of the login function (ADR 0145): the frontend/backend
 * protocol 3.0 over TLS, SCRAM-SHA-256 authentication and simple queries, on Node's `net`, `tls` and
 * `crypto` only. A dependency-free module keeps the function's zip a pure function of this repo
 * (InlineCodeAsset, deterministic bytes) with nothing fetched at build time.
 *
 * - TLS is required and verified: the server must accept the SSLRequest, and its certificate must chain
 *   to a trusted CA (the function sets NODE_EXTRA_CA_CERTS to the runtime's Amazon CA bundle, which
 *   holds the RDS CAs) and name the host.
 * - Only SCRAM-SHA-256 is accepted (RDS PostgreSQL 14+ stores passwords that way): a server asking for a
 *   cleartext or MD5 password, or whose final SCRAM signature does not verify, is refused.
 * - `scramVerifier` turns a password into the `SCRAM-SHA-256$...` form PostgreSQL stores, so
 *   `ALTER ROLE ... PASSWORD` never carries the password itself into the server's statement log
 *   (the instances log DDL).
 */
export const PG_WIRE_SOURCE = String.raw`import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";
import net from "node:net";
import tls from "node:tls";

const PROTOCOL_3_0 = 196608;
const SSL_REQUEST = 80877103;

const hmac = (key, text) => createHmac("sha256", key).update(text).digest();
const sha256 = (data) => createHash("sha256").update(data).digest();
const xor = (a, b) => Buffer.from(a.map((byte, i) => byte ^ b[i]));

/** SCRAM-SHA-256 keys of a password (RFC 5802 / 7677). */
export function scramKeys(password, salt, iterations) {
  const salted = pbkdf2Sync(Buffer.from(password, "utf8"), salt, iterations, 32, "sha256");
  const clientKey = hmac(salted, "Client Key");
  return { clientKey, storedKey: sha256(clientKey), serverKey: hmac(salted, "Server Key") };
}

/** The verifier PostgreSQL stores for a password: ALTER ROLE ... PASSWORD '<this>' sets it as is. */
export function scramVerifier(password, salt = randomBytes(16), iterations = 4096) {
  const { storedKey, serverKey } = scramKeys(password, salt, iterations);
  return "SCRAM-SHA-256$" + iterations + ":" + salt.toString("base64") + "$" + storedKey.toString("base64") + ":" + serverKey.toString("base64");
}

function attributes(message) {
  const out = {};
  for (const part of message.split(",")) out[part.slice(0, 1)] = part.slice(2);
  return out;
}

/**
 * The client's side of a SCRAM-SHA-256 exchange without channel binding: first() gives the
 * client-first-message; final(serverFirst) checks the server's nonce and gives the client-final-message;
 * verify(serverFinal) checks the server's signature.
 */
export function scramClient(username, password, clientNonce = randomBytes(18).toString("base64")) {
  const firstBare = "n=" + username + ",r=" + clientNonce;
  let expectedSignature;
  return {
    first: () => "n,," + firstBare,
    final(serverFirst) {
      const { r: nonce, s: salt, i: iterations } = attributes(serverFirst);
      if (!nonce || !nonce.startsWith(clientNonce) || !salt || !iterations) throw new Error("SCRAM: malformed server-first-message");
      const { clientKey, storedKey, serverKey } = scramKeys(password, Buffer.from(salt, "base64"), Number(iterations));
      const withoutProof = "c=biws,r=" + nonce;
      const authMessage = firstBare + "," + serverFirst + "," + withoutProof;
      expectedSignature = hmac(serverKey, authMessage);
      return withoutProof + ",p=" + xor(clientKey, hmac(storedKey, authMessage)).toString("base64");
    },
    verify(serverFinal) {
      const { e: error, v: signature } = attributes(serverFinal);
      if (error) throw new Error("SCRAM: server error " + error);
      const got = Buffer.from(signature ?? "", "base64");
      if (!expectedSignature || got.length !== expectedSignature.length || !timingSafeEqual(got, expectedSignature)) {
        throw new Error("SCRAM: the server's signature does not verify");
      }
    },
  };
}

/** "name" quoted as a PostgreSQL identifier. */
export const quoteIdent = (name) => '"' + String(name).replace(/"/g, '""') + '"';
/** 'text' quoted as a PostgreSQL string literal (standard_conforming_strings is on since 9.1). */
export const quoteLiteral = (text) => "'" + String(text).replace(/'/g, "''") + "'";

function message(type, body) {
  const header = Buffer.alloc(type ? 5 : 4);
  if (type) header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, type ? 1 : 0);
  return Buffer.concat([header, body]);
}
const cstring = (text) => Buffer.from(text + "\0", "utf8");
const int32 = (n) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

function serverError(body) {
  const fields = {};
  let at = 0;
  while (at < body.length && body[at] !== 0) {
    const end = body.indexOf(0, at + 1);
    fields[String.fromCharCode(body[at])] = body.toString("utf8", at + 1, end);
    at = end + 1;
  }
  const err = new Error((fields.S ?? "ERROR") + " " + (fields.C ?? "") + ": " + (fields.M ?? "unknown error"));
  err.code = fields.C;
  return err;
}

/** Reads whole backend messages ({ type, body }) from a socket. */
class Reader {
  constructor(socket) {
    this.buffer = Buffer.alloc(0);
    this.waiting = undefined;
    this.failure = undefined;
    socket.on("data", (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake();
    });
    socket.on("error", (err) => this.fail(err));
    socket.on("close", () => this.fail(new Error("connection closed by the server")));
  }
  fail(err) {
    if (!this.failure) this.failure = err;
    this.wake();
  }
  wake() {
    const w = this.waiting;
    this.waiting = undefined;
    if (w) w();
  }
  async bytes(n) {
    while (this.buffer.length < n) {
      if (this.failure) throw this.failure;
      await new Promise((resolve) => (this.waiting = resolve));
    }
    const out = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    return out;
  }
  async next() {
    const head = await this.bytes(5);
    const body = await this.bytes(head.readInt32BE(1) - 4);
    return { type: String.fromCharCode(head[0]), body };
  }
}

async function openTls({ host, port, timeoutMs }) {
  const raw = net.connect({ host, port });
  raw.setTimeout(timeoutMs, () => raw.destroy(new Error("no answer from " + host + ":" + port + " within " + timeoutMs + " ms")));
  await new Promise((resolve, reject) => {
    raw.once("connect", resolve);
    raw.once("error", reject);
  });
  raw.write(message(undefined, Buffer.concat([int32(SSL_REQUEST)])));
  const answer = await new Promise((resolve, reject) => {
    raw.once("data", (d) => resolve(d.toString("latin1", 0, 1)));
    raw.once("error", reject);
  });
  if (answer !== "S") throw new Error("the server at " + host + ":" + port + " refused TLS");
  const secure = tls.connect({ socket: raw, ...(net.isIP(host) ? {} : { servername: host }), rejectUnauthorized: true });
  await new Promise((resolve, reject) => {
    secure.once("secureConnect", resolve);
    secure.once("error", reject);
  });
  raw.setTimeout(0);
  return secure;
}

/**
 * A session: connect({ host, port, user, password, database }) resolves once the server is ready for
 * queries. query(sql) resolves with the rows (arrays of text or null) of the last statement of sql;
 * close() ends the session.
 */
export async function connect({ host, port = 5432, user, password, database, timeoutMs = 10000 }) {
  const socket = await openTls({ host, port, timeoutMs });
  const reader = new Reader(socket);
  const send = (buffer) => socket.write(buffer);
  const params = Buffer.concat([int32(PROTOCOL_3_0), cstring("user"), cstring(user), cstring("database"), cstring(database), cstring("application_name"), cstring("rds-logins"), Buffer.from([0])]);
  send(message(undefined, params));

  let scram;
  for (;;) {
    const { type, body } = await reader.next();
    if (type === "E") {
      socket.destroy();
      throw serverError(body);
    }
    if (type === "R") {
      const code = body.readInt32BE(0);
      if (code === 0) continue;
      if (code === 10) {
        const mechanisms = body.toString("utf8", 4).split("\0").filter(Boolean);
        if (!mechanisms.includes("SCRAM-SHA-256")) throw new Error("the server offers " + mechanisms.join(", ") + ", not SCRAM-SHA-256");
        scram = scramClient("", password);
        const first = Buffer.from(scram.first(), "utf8");
        send(message("p", Buffer.concat([cstring("SCRAM-SHA-256"), int32(first.length), first])));
      } else if (code === 11 && scram) {
        send(message("p", Buffer.from(scram.final(body.toString("utf8", 4)), "utf8")));
      } else if (code === 12 && scram) {
        scram.verify(body.toString("utf8", 4));
      } else {
        socket.destroy();
        throw new Error("the server asked for authentication method " + code + "; only SCRAM-SHA-256 is accepted");
      }
    } else if (type === "Z") {
      break;
    }
  }

  return {
    async query(sql) {
      send(message("Q", cstring(sql)));
      let rows = [];
      let error;
      for (;;) {
        const { type, body } = await reader.next();
        if (type === "T") rows = [];
        else if (type === "D") {
          const count = body.readInt16BE(0);
          const row = [];
          let at = 2;
          for (let i = 0; i < count; i++) {
            const length = body.readInt32BE(at);
            at += 4;
            row.push(length < 0 ? null : body.toString("utf8", at, at + length));
            if (length > 0) at += length;
          }
          rows.push(row);
        } else if (type === "E") error = serverError(body);
        else if (type === "Z") break;
      }
      if (error) throw error;
      return rows;
    },
    async close() {
      send(message("X", Buffer.alloc(0)));
      socket.end();
    },
  };
}
`;
