/**
 * Source of the function that runs the database's setup statements through the RDS Data API on
 * apply (ADR 0125). ES module for the nodejs24.x runtime, whose bundled AWS SDK v3 has the RDS Data
 * client: no dependencies, so the zip is this one file (InlineCodeAsset, deterministic bytes).
 *
 * Input (from aws_lambda_invocation): { resourceArn, secretArn, database, statements: [sql, ...] }.
 * Statements run one by one, in order; the result lists them. Any failure throws, so the
 * invocation, and with it the apply, fails with the statement and AWS's error.
 * Retried ($ATTEMPTS times, $PAUSE_MS apart: the function's environment) while the cause is
 * transient on a first apply or a paused cluster:
 * - DatabaseResumingException: a Serverless v2 cluster at 0 ACU is resuming (dev auto-pause);
 * - AccessDeniedException: the execution role's policies were created seconds ago (IAM propagation);
 * - BadRequestException "HttpEndpoint is not enabled": the cluster's Data API is still being switched on.
 */
export const DATA_API_HANDLER_SOURCE = `import { ExecuteStatementCommand, RDSDataClient } from "@aws-sdk/client-rds-data";

const client = new RDSDataClient({});
const ATTEMPTS = Number(process.env.ATTEMPTS ?? "24");
const PAUSE_MS = Number(process.env.PAUSE_MS ?? "5000");

function transient(err) {
  const name = err && err.name;
  if (name === "DatabaseResumingException" || name === "AccessDeniedException") return true;
  return name === "BadRequestException" && /HttpEndpoint is not enabled/i.test(String(err.message));
}

async function execute(input, sql) {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(new ExecuteStatementCommand({ ...input, sql }));
      return;
    } catch (err) {
      if (attempt < ATTEMPTS && transient(err)) {
        console.log(JSON.stringify({ level: "WARN", message: "transient Data API error, retrying", sql, error: err.name, attempt }));
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
        continue;
      }
      throw new Error(\`\${sql}: \${err && err.name}: \${err && err.message}\`);
    }
  }
}

export const handler = async (event) => {
  const { resourceArn, secretArn, database, statements } = event ?? {};
  if (typeof resourceArn !== "string" || typeof secretArn !== "string" || typeof database !== "string" || !Array.isArray(statements) || statements.length === 0 || !statements.every((s) => typeof s === "string")) {
    throw new Error("input must be { resourceArn, secretArn, database, statements: [sql, ...] }");
  }
  for (const sql of statements) {
    await execute({ resourceArn, secretArn, database }, sql);
    console.log(JSON.stringify({ level: "INFO", message: "executed", sql }));
  }
  return { executed: statements };
};
`;
