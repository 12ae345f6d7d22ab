import { importInlineModules } from "@infra/testing-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DR_READINESS, DR_READINESS_HANDLER_SOURCE } from "./dr-readiness-handler";

/**
 * The probe's source runs as written (an ES module) against stand-ins for the runtime's AWS SDK clients:
 * each records its calls in globalThis.__dr and answers from the state a test sets up.
 */
const client = (pkg: string, clientName: string, commands: string[], body: string) => `
${commands.map((c) => `export class ${c} { constructor(input) { this.input = input; } }`).join("\n")}
export class ${clientName} {
  constructor(config) { this.config = config; }
  async send(command) {
    const dr = globalThis.__dr;
    dr.calls.push({ client: "${pkg}", region: this.config?.region, command: command.constructor.name, input: command.input });
    ${body}
  }
}`;
const FAKES: Record<string, string> = {
  "client-rds": client(
    "rds",
    "RDSClient",
    ["DescribeDBInstanceAutomatedBackupsCommand"],
    `const page = command.input.Marker ? 1 : 0; const all = dr.backups.map((t) => ({ DBInstanceIdentifier: t.id, RestoreWindow: { LatestTime: t.at } }));
     return { DBInstanceAutomatedBackups: all.slice(page * 2, page * 2 + 2), ...(page === 0 && all.length > 2 ? { Marker: "next" } : {}) };`,
  ),
  "client-ecr": client(
    "ecr",
    "ECRClient",
    ["DescribeImagesCommand"],
    `if (!dr.images.includes(command.input.repositoryName + ":" + command.input.imageIds[0].imageTag)) { const e = new Error("no image"); e.name = dr.ecrError ?? "ImageNotFoundException"; throw e; } return { imageDetails: [{}] };`,
  ),
  "client-secrets-manager": client(
    "secretsmanager",
    "SecretsManagerClient",
    ["DescribeSecretCommand"],
    `if (!dr.secrets.includes(command.input.SecretId)) { const e = new Error("no secret"); e.name = "ResourceNotFoundException"; throw e; } return {};`,
  ),
  "client-cloudwatch": client("cloudwatch", "CloudWatchClient", ["PutMetricDataCommand"], `return {};`),
};

interface State {
  calls: { client: string; region?: string; command: string; input: Record<string, unknown> }[];
  backups: { id: string; at: string }[];
  images: string[];
  secrets: string[];
  ecrError?: string;
}
const state = (): State => (globalThis as unknown as { __dr: State }).__dr;
let cleanup: () => void;
let handler: () => Promise<Record<string, number>>;
const ENV = {
  ENV: "prod",
  SOURCE_DB: "acct-atlas-prod",
  REPOSITORIES: "acct-atlas-api-gateway,acct-atlas-web-app",
  IMAGE_TAG: "1.4.0",
  SECRETS: "arn:a,arn:b",
  METRICS_REGION: "us-east-1",
  NAMESPACE: DR_READINESS.namespace,
};

beforeAll(async () => {
  Object.assign(process.env, ENV);
  const loaded = await importInlineModules<{ handler: typeof handler }>({
    files: { "index.mjs": DR_READINESS_HANDLER_SOURCE },
    packages: Object.fromEntries(Object.entries(FAKES).map(([pkg, source]) => [`@aws-sdk/${pkg}`, source])),
  });
  ({ cleanup } = loaded);
  handler = loaded.module.handler;
});
afterAll(() => {
  cleanup();
  for (const k of Object.keys(ENV)) delete process.env[k];
});
beforeEach(() => {
  (globalThis as unknown as { __dr: State }).__dr = { calls: [], backups: [], images: [], secrets: [] };
});

describe("DR readiness probe (ADR 0106)", () => {
  it("a ready standby: restore point minutes old, every image of the tag, every secret replica; published to the primary region", async () => {
    Object.assign(state(), {
      // Another instance's replicated backups, on the first page; the source's newest on the second.
      backups: [
        { id: "other-db", at: new Date().toISOString() },
        { id: "acct-atlas-prod", at: new Date(Date.now() - 3 * 3600_000).toISOString() },
        { id: "acct-atlas-prod", at: new Date(Date.now() - 10 * 60_000).toISOString() },
      ],
      images: ["acct-atlas-api-gateway:1.4.0", "acct-atlas-web-app:1.4.0"],
      secrets: ["arn:a", "arn:b"],
    });
    const values = await handler();
    expect(values[DR_READINESS.imagesMissing]).toBe(0);
    expect(values[DR_READINESS.secretsMissing]).toBe(0);
    expect(values[DR_READINESS.restorePointAge]).toBeGreaterThanOrEqual(599);
    expect(values[DR_READINESS.restorePointAge]).toBeLessThan(700);
    const put = state().calls.find((c) => c.command === "PutMetricDataCommand")!;
    expect(put.region).toBe("us-east-1");
    expect(put.input).toMatchObject({ Namespace: "AccountabilityAtlas/DR" });
    expect((put.input["MetricData"] as { MetricName: string; Unit: string; Dimensions: unknown }[]).map((m) => [m.MetricName, m.Unit, m.Dimensions])).toEqual([
      ["RestorePointAgeSeconds", "Seconds", [{ Name: "Env", Value: "prod" }]],
      ["ReplicatedImagesMissing", "Count", [{ Name: "Env", Value: "prod" }]],
      ["SecretReplicasMissing", "Count", [{ Name: "Env", Value: "prod" }]],
    ]);
    expect(
      state()
        .calls.filter((c) => c.command === "DescribeDBInstanceAutomatedBackupsCommand")
        .map((c) => c.input),
    ).toEqual([{}, { Marker: "next" }]);
  });

  it("a standby that would fail: no replicated backups, a missing image, a missing replica", async () => {
    Object.assign(state(), { backups: [{ id: "other-db", at: new Date().toISOString() }], images: ["acct-atlas-web-app:1.4.0"], secrets: ["arn:a"] });
    const values = await handler();
    expect(values).toMatchObject({ [DR_READINESS.imagesMissing]: 1, [DR_READINESS.secretsMissing]: 1 });
    expect(values[DR_READINESS.restorePointAge]).toBeGreaterThan(365 * 24 * 3600);
  });

  it("an error that is not 'missing' (throttling, access denied) fails the run: no metric, the alarm's missing data breaches", async () => {
    Object.assign(state(), { backups: [{ id: "acct-atlas-prod", at: new Date().toISOString() }], ecrError: "AccessDeniedException" });
    await expect(handler()).rejects.toThrow("no image");
    expect(state().calls.map((c) => c.command)).not.toContain("PutMetricDataCommand");
  });
});
