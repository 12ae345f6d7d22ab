import { describe, expect, it } from "vitest";
import { type ContainerProps, renderContainerDefinitions, secretValueFrom, validateContainer } from "./container";

const LOGS = { logGroupName: "/ecs/api-gateway", region: "us-east-1", streamPrefix: "api-gateway" };
const API: ContainerProps = {
  name: "api-gateway",
  image: "111111111111.dkr.ecr.us-east-1.amazonaws.com/acct-atlas-api-gateway:1.0.0",
  port: 8080,
  healthCheck: { path: "/actuator/health" },
  environment: { SPRING_PROFILES_ACTIVE: "prod", A_FIRST: "1" },
  secrets: {
    JWT_PRIVATE_KEY: { secretArn: "arn:aws:secretsmanager:us-east-1:1:secret:jwt" },
    DB_PASSWORD: { secretArn: "arn:aws:secretsmanager:us-east-1:1:secret:db", jsonKey: "password" },
  },
  writablePaths: ["/tmp"],
};

describe("renderContainerDefinitions", () => {
  it("renders a hardened container: read-only root, not privileged, secrets as valueFrom, awslogs", () => {
    expect(JSON.parse(renderContainerDefinitions(API, LOGS))).toEqual([
      {
        name: "api-gateway",
        image: API.image,
        essential: true,
        privileged: false,
        readonlyRootFilesystem: true,
        portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: "tcp" }],
        environment: [
          { name: "A_FIRST", value: "1" },
          { name: "SPRING_PROFILES_ACTIVE", value: "prod" },
        ],
        secrets: [
          { name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:us-east-1:1:secret:db:password::" },
          { name: "JWT_PRIVATE_KEY", valueFrom: "arn:aws:secretsmanager:us-east-1:1:secret:jwt" },
        ],
        mountPoints: [{ sourceVolume: "writable-0", containerPath: "/tmp", readOnly: false }],
        healthCheck: {
          command: ["CMD-SHELL", "curl -fsS http://localhost:8080/actuator/health || exit 1"],
          interval: 30,
          timeout: 5,
          retries: 3,
          startPeriod: 60,
        },
        stopTimeout: 30,
        logConfiguration: {
          logDriver: "awslogs",
          options: { "awslogs-group": "/ecs/api-gateway", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "api-gateway" },
        },
      },
    ]);
  });

  it("takes an explicit health check command and optional command/user", () => {
    const [def] = JSON.parse(
      renderContainerDefinitions(
        { name: "web", image: "img", port: 3000, healthCheck: { command: ["CMD", "/healthcheck"], retries: 5 }, command: ["node", "server.js"], user: "1000" },
        LOGS,
      ),
    );
    expect(def.healthCheck).toEqual({ command: ["CMD", "/healthcheck"], interval: 30, timeout: 5, retries: 5, startPeriod: 60 });
    expect(def.command).toEqual(["node", "server.js"]);
    expect(def.user).toBe("1000");
    expect(def.secrets).toEqual([]);
  });

  it("is deterministic whatever the key order of environment and secrets", () => {
    const reordered = { ...API, environment: { A_FIRST: "1", SPRING_PROFILES_ACTIVE: "prod" } };
    expect(renderContainerDefinitions(reordered, LOGS)).toBe(renderContainerDefinitions(API, LOGS));
  });
});

describe("validateContainer", () => {
  it("rejects bad names, overlaps and paths", () => {
    expect(() => validateContainer({ ...API, environment: { "BAD-NAME": "x" } }, "svc")).toThrow('svc: "BAD-NAME" is not a valid environment variable name');
    expect(() => validateContainer({ ...API, environment: { DB_PASSWORD: "literal" } }, "svc")).toThrow(
      "svc: DB_PASSWORD set both as environment and as secret",
    );
    expect(() => validateContainer({ ...API, writablePaths: ["tmp"] }, "svc")).toThrow('writable path "tmp" must be an absolute path below /');
    expect(() => validateContainer({ ...API, port: 0 }, "svc")).toThrow("container port 0 must be 1-65535");
    expect(() => validateContainer({ ...API, image: " " }, "svc")).toThrow("container image must not be empty");
    expect(() => validateContainer({ ...API, healthCheck: { path: "health" } }, "svc")).toThrow('health check path "health" must start with "/"');
  });
  it("builds valueFrom for whole secrets and JSON keys", () => {
    expect(secretValueFrom({ secretArn: "arn:s" })).toBe("arn:s");
    expect(secretValueFrom({ secretArn: "arn:s", jsonKey: "k" })).toBe("arn:s:k::");
  });
});
