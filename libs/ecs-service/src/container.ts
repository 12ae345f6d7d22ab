/** The task's container definition as typed props, rendered to the JSON ECS takes. Pure functions. */

/** A secret injected as an environment variable from Secrets Manager (never a literal value). */
export interface ContainerSecret {
  /** ARN of the Secrets Manager secret. */
  readonly secretArn: string;
  /** A key of the secret's JSON value; without it the whole secret string. @default whole secret */
  readonly jsonKey?: string;
}

export type ContainerHealthCheck =
  /** An HTTP path probed inside the container with curl (the image must have curl). */
  | {
      readonly path: string;
      readonly port?: number;
      readonly intervalSeconds?: number;
      readonly timeoutSeconds?: number;
      readonly retries?: number;
      readonly startPeriodSeconds?: number;
    }
  /** An explicit command, e.g. ["CMD-SHELL", "wget -qO- http://localhost:3000/api/health || exit 1"]. */
  | {
      readonly command: readonly string[];
      readonly intervalSeconds?: number;
      readonly timeoutSeconds?: number;
      readonly retries?: number;
      readonly startPeriodSeconds?: number;
    };

export interface ContainerProps {
  /** Container name; the load balancer and service discovery refer to it. */
  readonly name: string;
  /** Image URI from config, e.g. "<acct>.dkr.ecr.us-east-1.amazonaws.com/acct-atlas-api-gateway:1.4.2". */
  readonly image: string;
  /** Port the container listens on (seed 001: 8080-8086, web-app 3000). */
  readonly port: number;
  /** @default none */
  readonly healthCheck?: ContainerHealthCheck;
  /** Plain (non-secret) environment variables, e.g. { SPRING_PROFILES_ACTIVE: "prod" }. @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** Environment variables read from Secrets Manager at task start. @default {} */
  readonly secrets?: Readonly<Record<string, ContainerSecret>>;
  /**
   * Paths the app must write to (e.g. "/tmp"). The root filesystem stays read-only; each path is a
   * task-scoped ephemeral volume (Fargate has no tmpfs). @default []
   */
  readonly writablePaths?: readonly string[];
  /** @default the image's */
  readonly command?: readonly string[];
  /** @default the image's */
  readonly entryPoint?: readonly string[];
  /** Run as this user, e.g. "1000:1000". @default the image's */
  readonly user?: string;
  /** Seconds between SIGTERM and SIGKILL. @default 30 */
  readonly stopTimeoutSeconds?: number;
}

/**
 * A helper container beside the application in the same task (e.g. the X-Ray daemon): not
 * essential by default, read-only root filesystem, never privileged, logs like the application.
 */
export interface SidecarProps {
  /** Container name, unique in the task, e.g. "xray-daemon". */
  readonly name: string;
  /** Image URI with a pinned tag, e.g. "public.ecr.aws/xray/aws-xray-daemon:3.3.14". */
  readonly image: string;
  /** Ports the sidecar listens on inside the task (awsvpc: reachable on localhost). @default [] */
  readonly ports?: readonly { readonly port: number; readonly protocol: "tcp" | "udp" }[];
  /** MiB reserved for the sidecar out of the task's memory. @default none */
  readonly memoryReservation?: number;
  /** CPU units reserved out of the task's CPU. @default 0 */
  readonly cpu?: number;
  /** Stops the task when it exits. @default false (the application keeps serving without it) */
  readonly essential?: boolean;
  /** @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** @default the image's */
  readonly command?: readonly string[];
  /** Run as this user, e.g. "1337". @default the image's */
  readonly user?: string;
}

export interface LogSettings {
  readonly logGroupName: string;
  readonly region: string;
  readonly streamPrefix: string;
}

const ENV_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Task-level volume name for writable path i. */
export function writableVolumeName(index: number): string {
  return `writable-${index}`;
}

function sortedEntries<T>(record: Readonly<Record<string, T>> | undefined): [string, T][] {
  return Object.entries(record ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function validateContainer(c: ContainerProps, where: string): void {
  if (c.image.trim() === "") throw new RangeError(`${where}: container image must not be empty`);
  if (!Number.isInteger(c.port) || c.port < 1 || c.port > 65535) throw new RangeError(`${where}: container port ${c.port} must be 1-65535`);
  const env = Object.keys(c.environment ?? {});
  const secrets = Object.keys(c.secrets ?? {});
  for (const name of [...env, ...secrets]) {
    if (!ENV_NAME_RE.test(name)) throw new RangeError(`${where}: ${JSON.stringify(name)} is not a valid environment variable name`);
  }
  const both = env.filter((n) => secrets.includes(n));
  if (both.length > 0) throw new RangeError(`${where}: ${both.join(", ")} set both as environment and as secret`);
  for (const p of c.writablePaths ?? []) {
    if (!p.startsWith("/") || p === "/") throw new RangeError(`${where}: writable path ${JSON.stringify(p)} must be an absolute path below /`);
  }
  if (c.healthCheck && "path" in c.healthCheck && !c.healthCheck.path.startsWith("/")) {
    throw new RangeError(`${where}: health check path ${JSON.stringify(c.healthCheck.path)} must start with "/"`);
  }
}

export function validateSidecars(sidecars: readonly SidecarProps[], app: ContainerProps, where: string): void {
  const names = new Set([app.name]);
  const ports = new Set([`${app.port}/tcp`]);
  for (const s of sidecars) {
    if (names.has(s.name)) throw new RangeError(`${where}: sidecar name ${JSON.stringify(s.name)} is used by another container of the task`);
    names.add(s.name);
    if (s.image.trim() === "") throw new RangeError(`${where}: sidecar ${s.name} image must not be empty`);
    if (/:latest$/.test(s.image) || !/[:@]/.test(s.image.split("/").pop() ?? "")) {
      throw new RangeError(`${where}: sidecar ${s.name} image ${JSON.stringify(s.image)} must pin a tag or digest (not "latest")`);
    }
    for (const p of s.ports ?? []) {
      if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535) throw new RangeError(`${where}: sidecar ${s.name} port ${p.port} must be 1-65535`);
      const key = `${p.port}/${p.protocol}`;
      // awsvpc: every container of the task shares one network namespace.
      if (ports.has(key)) throw new RangeError(`${where}: sidecar ${s.name} port ${key} is already used in the task`);
      ports.add(key);
    }
    for (const name of Object.keys(s.environment ?? {})) {
      if (!ENV_NAME_RE.test(name)) throw new RangeError(`${where}: sidecar ${s.name}: ${JSON.stringify(name)} is not a valid environment variable name`);
    }
  }
}

/** `valueFrom` of a secret: the ARN, or `<arn>:<jsonKey>::` for one key of a JSON secret. */
export function secretValueFrom(s: ContainerSecret): string {
  return s.jsonKey === undefined ? s.secretArn : `${s.secretArn}:${s.jsonKey}::`;
}

/**
 * The container definitions JSON: read-only root filesystem, never privileged, secrets only as
 * `valueFrom`, logs to CloudWatch through awslogs. Keys sorted, so the same props give the same bytes.
 */
export function renderContainerDefinitions(c: ContainerProps, logs: LogSettings, sidecars: readonly SidecarProps[] = []): string {
  const hc = c.healthCheck;
  const healthCheck =
    hc === undefined
      ? undefined
      : {
          command: "command" in hc ? [...hc.command] : ["CMD-SHELL", `curl -fsS http://localhost:${hc.port ?? c.port}${hc.path} || exit 1`],
          interval: hc.intervalSeconds ?? 30,
          timeout: hc.timeoutSeconds ?? 5,
          retries: hc.retries ?? 3,
          startPeriod: hc.startPeriodSeconds ?? 60,
        };
  const definition = {
    name: c.name,
    image: c.image,
    essential: true,
    privileged: false,
    readonlyRootFilesystem: true,
    portMappings: [{ containerPort: c.port, hostPort: c.port, protocol: "tcp" }],
    ...(c.command ? { command: [...c.command] } : {}),
    ...(c.entryPoint ? { entryPoint: [...c.entryPoint] } : {}),
    ...(c.user ? { user: c.user } : {}),
    environment: sortedEntries(c.environment).map(([name, value]) => ({ name, value })),
    secrets: sortedEntries(c.secrets).map(([name, s]) => ({ name, valueFrom: secretValueFrom(s) })),
    mountPoints: (c.writablePaths ?? []).map((containerPath, i) => ({ sourceVolume: writableVolumeName(i), containerPath, readOnly: false })),
    ...(healthCheck ? { healthCheck } : {}),
    stopTimeout: c.stopTimeoutSeconds ?? 30,
    logConfiguration: {
      logDriver: "awslogs",
      options: { "awslogs-group": logs.logGroupName, "awslogs-region": logs.region, "awslogs-stream-prefix": logs.streamPrefix },
    },
  };
  return JSON.stringify([definition, ...sidecars.map((s) => renderSidecar(s, logs))]);
}

function renderSidecar(s: SidecarProps, logs: LogSettings) {
  return {
    name: s.name,
    image: s.image,
    essential: s.essential ?? false,
    privileged: false,
    readonlyRootFilesystem: true,
    cpu: s.cpu ?? 0,
    ...(s.memoryReservation !== undefined ? { memoryReservation: s.memoryReservation } : {}),
    portMappings: (s.ports ?? []).map((p) => ({ containerPort: p.port, hostPort: p.port, protocol: p.protocol })),
    ...(s.command ? { command: [...s.command] } : {}),
    ...(s.user ? { user: s.user } : {}),
    environment: sortedEntries(s.environment).map(([name, value]) => ({ name, value })),
    secrets: [],
    mountPoints: [],
    logConfiguration: {
      logDriver: "awslogs",
      options: { "awslogs-group": logs.logGroupName, "awslogs-region": logs.region, "awslogs-stream-prefix": `${logs.streamPrefix}-${s.name}` },
    },
  };
}
