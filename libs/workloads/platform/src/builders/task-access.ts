import { TABLE_READ_WRITE_ACTIONS } from "@infra/dynamodb";
import type { PolicyStatement } from "@infra/iam";

/**
 * Seed 004's ECS task role ("Permissions: S3, DynamoDB, Secrets Manager"), scoped to the platform's own
 * resources by name prefix: buckets `<name>-*`, tables `<name>-*` and secrets `<name>/*` in this
 * account and region. The data key only through those three services (kms:ViaService). The RDS master
 * secret's RDS-managed name (`rds!db-...`) has no such prefix: the data layer grants it (rds.ts).
 */
export function platformTaskStatements(p: {
  readonly name: string;
  readonly region: string;
  readonly accountId: string;
  readonly dataKeyArn: string;
}): PolicyStatement[] {
  const bucket = `arn:aws:s3:::${p.name}-*`;
  const table = `arn:aws:dynamodb:${p.region}:${p.accountId}:table/${p.name}-*`;
  return [
    { sid: "AppBucketsList", actions: ["s3:ListBucket"], resources: [bucket] },
    { sid: "AppObjects", actions: ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"], resources: [`${bucket}/*`] },
    {
      sid: "AppTables",
      actions: [...TABLE_READ_WRITE_ACTIONS],
      resources: [table, `${table}/index/*`],
    },
    {
      sid: "AppSecrets",
      actions: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
      resources: [`arn:aws:secretsmanager:${p.region}:${p.accountId}:secret:${p.name}/*`],
    },
    {
      sid: "DataKeyViaServices",
      actions: ["kms:Decrypt", "kms:GenerateDataKey"],
      resources: [p.dataKeyArn],
      conditions: [
        {
          test: "StringEquals",
          variable: "kms:ViaService",
          values: [`dynamodb.${p.region}.amazonaws.com`, `s3.${p.region}.amazonaws.com`, `secretsmanager.${p.region}.amazonaws.com`],
        },
      ],
    },
  ];
}
