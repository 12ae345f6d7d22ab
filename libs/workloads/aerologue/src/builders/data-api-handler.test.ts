import { importInlineModules } from "@infra/testing-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DATA_API_HANDLER_SOURCE } from "./data-api-handler";
import { extensionStatements } from "./db-extensions";

/**
 * The handler's source runs as written (an ES module), against a stand-in for the runtime's
 * @aws-sdk/client-rds-data that records the calls and fails on demand.
 */
const FAKE_SDK = `
export class ExecuteStatementCommand { constructor(input) { this.input = input; } }
export class RDSDataClient {
  async send(command) {
    const state = globalThis.__rdsData;
    state.calls.push(command.input);
    const failure = state.failures.shift();
    if (failure) { const err = new Error(failure.message ?? failure.name); err.name = failure.name; throw err; }
    return { numberOfRecordsUpdated: 0 };
  }
}`;

interface FakeState {
  calls: Record<string, unknown>[];
  failures: { name: string; message?: string }[];
}
type Handler = (event: unknown) => Promise<{ executed: string[] }>;
const state = (): FakeState => (globalThis as unknown as { __rdsData: FakeState }).__rdsData;

let cleanup: () => void;
let handler: Handler;
const INPUT = {
  resourceArn: "arn:aws:rds:us-east-1:111111111111:cluster:aerologue-dev-us-east-1-aurora",
  secretArn: "arn:aws:secretsmanager:us-east-1:111111111111:secret:aerologue/db/aurora-AbCdEf",
  database: "aerologue",
  statements: extensionStatements(["postgis", "pg_trgm"]),
};

beforeAll(async () => {
  process.env["PAUSE_MS"] = "1";
  process.env["ATTEMPTS"] = "3";
  const loaded = await importInlineModules<{ handler: Handler }>({
    files: { "index.mjs": DATA_API_HANDLER_SOURCE },
    packages: { "@aws-sdk/client-rds-data": FAKE_SDK },
  });
  ({ cleanup } = loaded);
  handler = loaded.module.handler;
});
afterAll(() => {
  cleanup();
  delete process.env["PAUSE_MS"];
  delete process.env["ATTEMPTS"];
});
beforeEach(() => {
  (globalThis as unknown as { __rdsData: FakeState }).__rdsData = { calls: [], failures: [] };
});

describe("the Data API statements function", () => {
  it("runs ARC-005's two CREATE EXTENSION IF NOT EXISTS statements, in order, on the cluster and database given", async () => {
    expect(INPUT.statements).toEqual(["CREATE EXTENSION IF NOT EXISTS postgis;", "CREATE EXTENSION IF NOT EXISTS pg_trgm;"]);
    await expect(handler(INPUT)).resolves.toEqual({ executed: INPUT.statements });
    expect(state().calls).toEqual(INPUT.statements.map((sql) => ({ resourceArn: INPUT.resourceArn, secretArn: INPUT.secretArn, database: "aerologue", sql })));
  });

  it("waits out a resuming cluster, fresh IAM policies and a Data API still being enabled", async () => {
    state().failures.push({ name: "DatabaseResumingException" }, { name: "AccessDeniedException" });
    await expect(handler(INPUT)).resolves.toEqual({ executed: INPUT.statements });
    expect(state().calls).toHaveLength(4);
    state().calls.length = 0;
    state().failures.push({ name: "BadRequestException", message: "HttpEndpoint is not enabled for cluster aerologue-dev-us-east-1-aurora" });
    await expect(handler(INPUT)).resolves.toBeDefined();
    expect(state().calls).toHaveLength(3);
  });

  it("fails with the statement and AWS's error (a failed apply), after the retries or at once for a real SQL error", async () => {
    state().failures.push({ name: "BadRequestException", message: 'ERROR: extension "postgis" is not available' });
    await expect(handler(INPUT)).rejects.toThrow('CREATE EXTENSION IF NOT EXISTS postgis;: BadRequestException: ERROR: extension "postgis" is not available');
    expect(state().calls).toHaveLength(1);
    state().calls.length = 0;
    state().failures.push(...Array.from({ length: 3 }, () => ({ name: "DatabaseResumingException" })));
    await expect(handler(INPUT)).rejects.toThrow(/postgis;: DatabaseResumingException/);
    expect(state().calls).toHaveLength(3);
  });

  it("refuses an input that is not the documented shape", async () => {
    for (const bad of [undefined, {}, { ...INPUT, statements: [] }, { ...INPUT, statements: [1] }, { ...INPUT, database: undefined }]) {
      await expect(handler(bad)).rejects.toThrow("input must be { resourceArn, secretArn, database, statements: [sql, ...] }");
    }
    expect(state().calls).toEqual([]);
  });
});
