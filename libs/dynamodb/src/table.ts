import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { DynamodbTableItem } from "@cdktf/provider-aws/lib/dynamodb-table-item";
import { markLibrary } from "@infra/core";
import { type GrantOptions, type Grantee, grantStatements, numbered, sidOf } from "@infra/iam";
import { Construct } from "constructs";
import { type Item, itemKeyErrors, marshalItem } from "./items";
import { type GlobalSecondaryIndex, type KeyAttribute, keyAttributes, keyName, validateTableKeys } from "./keys";

/** @deprecated Grants take a `Grantee` of `@infra/iam` and add `PolicyStatement`s of `@infra/iam` (ADR 0115). */
export type PolicyStatement = DataAwsIamPolicyDocumentStatement;

export type StreamViewType = "NEW_IMAGE" | "OLD_IMAGE" | "NEW_AND_OLD_IMAGES" | "KEYS_ONLY";

/** On-demand (pay per request) or provisioned throughput (indexes get the table's throughput). */
export type Billing = { readonly mode: "PAY_PER_REQUEST" } | { readonly mode: "PROVISIONED"; readonly readCapacity: number; readonly writeCapacity: number };

export interface TableReplica {
  /** Region of the replica (global table). */
  readonly region: string;
  /** CMK in that region. */
  readonly kmsKeyArn: string;
}

export interface TableProps {
  /** Table name, e.g. "aerologue-prod-user_sessions". */
  readonly name: string;
  readonly partitionKey: KeyAttribute;
  /** @default none */
  readonly sortKey?: KeyAttribute;
  /** @default none */
  readonly globalSecondaryIndexes?: readonly GlobalSecondaryIndex[];
  /** Attribute holding the expiry epoch seconds (DynamoDB TTL). @default no TTL */
  readonly ttlAttribute?: string;
  /** @default { mode: "PAY_PER_REQUEST" } (seed 000: on-demand) */
  readonly billing?: Billing;
  /** Point-in-time recovery. @default true */
  readonly pointInTimeRecovery?: boolean;
  /** PITR window in days, 1..35 (seed 000 ARC-013: 35). @default 35 */
  readonly pointInTimeRecoveryDays?: number;
  /** Customer-managed KMS key for server-side encryption. */
  readonly kmsKeyArn: string;
  /** deletion_protection_enabled and lifecycle.prevent_destroy. @default true */
  readonly deletionProtection?: boolean;
  /** DynamoDB stream. @default none; NEW_AND_OLD_IMAGES when replicas are set */
  readonly stream?: StreamViewType;
  /** Global table replicas in other regions (ARC-012). @default none */
  readonly replicas?: readonly TableReplica[];
  /** @default "STANDARD" */
  readonly tableClass?: "STANDARD" | "STANDARD_INFREQUENT_ACCESS";
  /**
   * Items managed by Terraform, e.g. seed 000's `config` table feature flags. Plain values, stored
   * as deterministic DynamoDB JSON; each must hold the table's key attributes. @default none
   */
  readonly items?: readonly Item[];
  /** Extra tags. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A DynamoDB table: on-demand, PITR, SSE with a CMK, deletion protection, attribute definitions
 * derived from the keys (exactly the attributes some key uses), optional TTL, stream, global
 * table replicas and seeded items.
 */
/** The item-level actions of `grantReadWrite`, for grants on tables this construct does not own (name prefixes). */
export const TABLE_READ_WRITE_ACTIONS: readonly string[] = [
  "dynamodb:BatchGetItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DeleteItem",
  "dynamodb:DescribeTable",
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:Query",
  "dynamodb:Scan",
  "dynamodb:UpdateItem",
];

export class Table extends Construct {
  readonly tableName: string;
  readonly tableArn: string;
  /** Empty-string token when no stream is enabled. */
  readonly streamArn: string;
  readonly kmsKeyArn: string;
  readonly hasStream: boolean;
  /** Names of the global secondary indexes (CloudWatch publishes their throttles per index). */
  readonly globalSecondaryIndexNames: readonly string[];

  constructor(scope: Construct, id: string, props: TableProps) {
    super(scope, id);
    markLibrary(this, "dynamodb");
    const billing = props.billing ?? { mode: "PAY_PER_REQUEST" };
    const deletionProtection = props.deletionProtection ?? true;
    const pitr = props.pointInTimeRecovery ?? true;
    const pitrDays = props.pointInTimeRecoveryDays ?? 35;
    const replicas = props.replicas ?? [];
    const stream = props.stream ?? (replicas.length > 0 ? "NEW_AND_OLD_IMAGES" : undefined);

    const errors = validateTableKeys(props);
    if (!/^[a-zA-Z0-9_.-]{3,255}$/.test(props.name)) errors.push(`name "${props.name}" must be 3-255 letters, digits, "_", "." or "-"`);
    if (!Number.isInteger(pitrDays) || pitrDays < 1 || pitrDays > 35) errors.push(`pointInTimeRecoveryDays ${pitrDays} must be a whole number from 1 to 35`);
    if (replicas.length > 0 && stream !== "NEW_AND_OLD_IMAGES") errors.push(`replicas need stream NEW_AND_OLD_IMAGES (got ${stream})`);
    const regions = replicas.map((r) => r.region);
    const dupRegion = regions.find((r, i) => regions.indexOf(r) !== i);
    if (dupRegion) errors.push(`replica region ${dupRegion} is listed twice`);
    if (billing.mode === "PROVISIONED" && (billing.readCapacity < 1 || billing.writeCapacity < 1)) errors.push("provisioned read/write capacity must be >= 1");
    const tableKeys = [props.partitionKey, ...(props.sortKey ? [props.sortKey] : [])];
    const itemIds = new Map<string, number>();
    (props.items ?? []).forEach((item, i) => {
      for (const e of itemKeyErrors(item, tableKeys)) errors.push(`items[${i}]: ${e}`);
      const key = tableKeys.map((k) => String(item[k.name])).join("|");
      if (itemIds.has(key)) errors.push(`items[${i}]: same key as items[${itemIds.get(key)}]`);
      itemIds.set(key, i);
    });
    if (errors.length > 0) throw new Error(`${this.node.path}: ${errors.join("; ")}`);

    const provisioned = billing.mode === "PROVISIONED" ? { readCapacity: billing.readCapacity, writeCapacity: billing.writeCapacity } : {};
    const table = new DynamodbTable(this, "table", {
      name: props.name,
      billingMode: billing.mode,
      ...provisioned,
      hashKey: props.partitionKey.name,
      rangeKey: props.sortKey?.name,
      attribute: keyAttributes(props).map((a) => ({ name: a.name, type: a.type })),
      globalSecondaryIndex: props.globalSecondaryIndexes?.map((g) => ({
        name: g.name,
        hashKey: keyName(g.partitionKey),
        rangeKey: g.sortKey === undefined ? undefined : keyName(g.sortKey),
        projectionType: g.projection ?? "ALL",
        nonKeyAttributes: g.nonKeyAttributes ? [...g.nonKeyAttributes] : undefined,
        ...provisioned,
      })),
      ttl: props.ttlAttribute ? { attributeName: props.ttlAttribute, enabled: true } : undefined,
      pointInTimeRecovery: pitr ? { enabled: true, recoveryPeriodInDays: pitrDays } : { enabled: false },
      serverSideEncryption: { enabled: true, kmsKeyArn: props.kmsKeyArn },
      deletionProtectionEnabled: deletionProtection,
      streamEnabled: stream !== undefined,
      streamViewType: stream,
      replica:
        replicas.length === 0
          ? undefined
          : replicas.map((r) => ({
              regionName: r.region,
              kmsKeyArn: r.kmsKeyArn,
              pointInTimeRecovery: pitr,
              deletionProtectionEnabled: deletionProtection,
              propagateTags: true,
            })),
      tableClass: props.tableClass ?? "STANDARD",
      tags: { ...(props.tags ?? {}), Name: props.name },
      lifecycle: { preventDestroy: deletionProtection },
    });
    this.tableName = table.name;
    this.tableArn = table.arn;
    this.streamArn = table.streamArn;
    this.kmsKeyArn = props.kmsKeyArn;
    this.hasStream = stream !== undefined;
    this.globalSecondaryIndexNames = (props.globalSecondaryIndexes ?? []).map((g) => g.name);

    const usedIds = new Set<string>();
    for (const item of props.items ?? []) {
      const slug = tableKeys
        .map((k) => String(item[k.name]))
        .join("-")
        .replace(/[^a-zA-Z0-9_-]+/g, "_");
      let itemId = `item-${slug}`;
      for (let n = 2; usedIds.has(itemId); n++) itemId = `item-${slug}-${n}`;
      usedIds.add(itemId);
      new DynamodbTableItem(this, itemId, {
        tableName: table.name,
        hashKey: table.hashKey,
        rangeKey: props.sortKey ? table.rangeKey : undefined,
        item: marshalItem(item),
      });
    }
  }

  /** Let a grantee read items and query the table and its indexes. One statement, default sid "Read<table id>". */
  grantRead(grantee: Grantee, options: GrantOptions = {}): void {
    grantStatements(grantee, options.sid, `Read${sidOf(this.node.id)}`, [
      {
        suffix: "",
        effect: "Allow",
        actions: ["dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"],
        resources: [this.tableArn, `${this.tableArn}/index/*`],
      },
    ]);
  }

  /** Let a grantee read and write items. One statement, default sid "ReadWrite<table id>". */
  grantReadWrite(grantee: Grantee, options: GrantOptions = {}): void {
    grantStatements(grantee, options.sid, `ReadWrite${sidOf(this.node.id)}`, [
      { suffix: "", effect: "Allow", actions: [...TABLE_READ_WRITE_ACTIONS], resources: [this.tableArn, `${this.tableArn}/index/*`] },
    ]);
  }

  /** Let a grantee consume the table's stream (Lambda event source): "<sid>" (records), "<sid>2" (ListStreams); default sid "StreamRead<table id>". */
  grantStreamRead(grantee: Grantee, options: GrantOptions = {}): void {
    if (!this.hasStream) throw new Error(`${this.node.path}: the table has no stream`);
    grantStatements(
      grantee,
      options.sid,
      `StreamRead${sidOf(this.node.id)}`,
      numbered([
        { effect: "Allow", actions: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"], resources: [this.streamArn] },
        { effect: "Allow", actions: ["dynamodb:ListStreams"], resources: [`${this.tableArn}/stream/*`] },
      ]),
    );
  }
}
