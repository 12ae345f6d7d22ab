import { describe, expect, it } from "vitest";
import { PolicyStatements } from "@infra/iam";
import { marshalItem, Table, type TableProps, validateTableKeys } from "./index";
import { all, only, synthStack } from "@infra/testing-core/stack";

const kmsKeyArn = "arn:aws:kms:us-east-1:111111111111:key/data";

function table(props: Partial<TableProps> & Pick<TableProps, "name" | "partitionKey">) {
  return synthStack((s) => {
    new Table(s, "t", { kmsKeyArn, ...props });
  });
}

const granted = (grant: (g: PolicyStatements) => void) => {
  const g = new PolicyStatements();
  grant(g);
  return g.statements;
};

describe("Table", () => {
  it("makes seed 000's user_sessions: on-demand, PITR 35 days, CMK, TTL, derived attributes, protected", () => {
    const synth = table({
      name: "aerologue-prod-user_sessions",
      partitionKey: { name: "user_id", type: "S" },
      sortKey: { name: "session_id", type: "S" },
      globalSecondaryIndexes: [{ name: "device_id-index", partitionKey: { name: "device_id", type: "S" } }],
      ttlAttribute: "expires_at",
    });
    expect(only(synth, "aws_dynamodb_table").values).toEqual({
      name: "aerologue-prod-user_sessions",
      billing_mode: "PAY_PER_REQUEST",
      hash_key: "user_id",
      range_key: "session_id",
      attribute: [
        { name: "user_id", type: "S" },
        { name: "session_id", type: "S" },
        { name: "device_id", type: "S" },
      ],
      global_secondary_index: [{ name: "device_id-index", hash_key: "device_id", projection_type: "ALL" }],
      ttl: { attribute_name: "expires_at", enabled: true },
      point_in_time_recovery: { enabled: true, recovery_period_in_days: 35 },
      server_side_encryption: { enabled: true, kms_key_arn: kmsKeyArn },
      deletion_protection_enabled: true,
      stream_enabled: false,
      table_class: "STANDARD",
      tags: { Name: "aerologue-prod-user_sessions" },
      lifecycle: { prevent_destroy: true },
    });
  });

  it("derives attributes only from keys, reusing declared ones by name (crossing_participants)", () => {
    const t = only(
      table({
        name: "crossing_participants",
        partitionKey: { name: "crossing_id", type: "S" },
        sortKey: { name: "user_id", type: "S" },
        globalSecondaryIndexes: [
          { name: "user_id-history", partitionKey: "user_id", sortKey: "crossing_id", projection: "INCLUDE", nonKeyAttributes: ["joined_at"] },
        ],
      }),
      "aws_dynamodb_table",
    ).values;
    expect(t.attribute).toEqual([
      { name: "crossing_id", type: "S" },
      { name: "user_id", type: "S" },
    ]);
    expect(t.global_secondary_index).toEqual([
      { name: "user_id-history", hash_key: "user_id", range_key: "crossing_id", projection_type: "INCLUDE", non_key_attributes: ["joined_at"] },
    ]);
  });

  it("makes a global table: NEW_AND_OLD_IMAGES stream and a replica per region with its own CMK", () => {
    const synth = table({
      name: "messages",
      partitionKey: { name: "crossing_id", type: "S" },
      replicas: [{ region: "eu-west-1", kmsKeyArn: "arn:aws:kms:eu-west-1:111111111111:key/eu" }],
      deletionProtection: false,
    });
    const t = only(synth, "aws_dynamodb_table").values;
    expect(t).toMatchObject({
      stream_enabled: true,
      stream_view_type: "NEW_AND_OLD_IMAGES",
      deletion_protection_enabled: false,
      lifecycle: { prevent_destroy: false },
    });
    expect(t.replica).toEqual([
      {
        region_name: "eu-west-1",
        kms_key_arn: "arn:aws:kms:eu-west-1:111111111111:key/eu",
        point_in_time_recovery: true,
        deletion_protection_enabled: false,
        propagate_tags: true,
      },
    ]);
    expect(() =>
      table({ name: "messages", partitionKey: { name: "id", type: "S" }, stream: "KEYS_ONLY", replicas: [{ region: "eu-west-1", kmsKeyArn }] }),
    ).toThrow("replicas need stream NEW_AND_OLD_IMAGES (got KEYS_ONLY)");
  });

  it("seeds config items as deterministic DynamoDB JSON (seed 000 feature flags)", () => {
    const synth = table({
      name: "aerologue-prod-config",
      partitionKey: { name: "flag", type: "S" },
      items: [
        { flag: "crossing_detection", enabled: true },
        { flag: "vlog_native_upload", enabled: false, rollout: { percent: 0, regions: ["us-east-1"] } },
      ],
    });
    const tableAddress = only(synth, "aws_dynamodb_table").address;
    const items = all(synth, "aws_dynamodb_table_item");
    expect(Object.keys(items).map((k) => k.replace(/_[0-9A-F]{8}$/, ""))).toEqual(["t_item-crossing_detection", "t_item-vlog_native_upload"]);
    const [first, second] = Object.values(items);
    expect(first).toEqual({
      table_name: `\${${tableAddress}.name}`,
      hash_key: `\${${tableAddress}.hash_key}`,
      item: '{"enabled":{"BOOL":true},"flag":{"S":"crossing_detection"}}',
    });
    expect(second.item).toBe(
      '{"enabled":{"BOOL":false},"flag":{"S":"vlog_native_upload"},"rollout":{"M":{"percent":{"N":"0"},"regions":{"L":[{"S":"us-east-1"}]}}}}',
    );
    expect(marshalItem({ b: 1, a: null })).toBe('{"a":{"NULL":true},"b":{"N":"1"}}');
    expect(() => table({ name: "config", partitionKey: { name: "flag", type: "S" }, items: [{ enabled: true }] })).toThrow(
      'items[0]: key "flag" must be a non-empty string (got undefined)',
    );
  });

  it("supports provisioned billing (indexes inherit throughput) and streams with stream grants", () => {
    synthStack((s) => {
      const t = new Table(s, "t", {
        name: "positions",
        partitionKey: { name: "id", type: "N" },
        globalSecondaryIndexes: [{ name: "by-region", partitionKey: { name: "region", type: "S" }, projection: "KEYS_ONLY" }],
        billing: { mode: "PROVISIONED", readCapacity: 5, writeCapacity: 2 },
        stream: "NEW_IMAGE",
        kmsKeyArn,
      });
      expect(granted((g) => t.grantStreamRead(g)).map((x) => [x.sid, x.resources])).toEqual([
        ["StreamReadT", [t.streamArn]],
        ["StreamReadT2", [`${t.tableArn}/stream/*`]],
      ]);
      expect(granted((g) => t.grantRead(g, { sid: "ReadPositions" }))).toEqual([
        {
          sid: "ReadPositions",
          effect: "Allow",
          actions: ["dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"],
          resources: [t.tableArn, `${t.tableArn}/index/*`],
        },
      ]);
      expect(granted((g) => t.grantReadWrite(g))[0]!.actions).toContain("dynamodb:PutItem");
      expect(granted((g) => t.grantReadWrite(g))[0]!.resources).toEqual([t.tableArn, `${t.tableArn}/index/*`]);
    });
    const t = only(
      table({
        name: "positions",
        partitionKey: { name: "id", type: "N" },
        globalSecondaryIndexes: [{ name: "by-region", partitionKey: { name: "region", type: "S" } }],
        billing: { mode: "PROVISIONED", readCapacity: 5, writeCapacity: 2 },
      }),
      "aws_dynamodb_table",
    ).values;
    expect(t).toMatchObject({ billing_mode: "PROVISIONED", read_capacity: 5, write_capacity: 2 });
    expect(t.global_secondary_index[0]).toMatchObject({ read_capacity: 5, write_capacity: 2 });
    synthStack((s) => {
      const noStream = new Table(s, "t", { name: "plain", partitionKey: { name: "id", type: "S" }, kmsKeyArn });
      expect(() => noStream.grantStreamRead(new PolicyStatements())).toThrow("test/t: the table has no stream");
    });
  });
});

describe("validateTableKeys", () => {
  it("accepts seed 000's flight_crossings", () => {
    expect(
      validateTableKeys({
        partitionKey: { name: "user_id", type: "S" },
        sortKey: { name: "crossing_id", type: "S" },
        globalSecondaryIndexes: [
          { name: "user_flight_id-index", partitionKey: { name: "user_flight_id", type: "S" } },
          { name: "crossed_flight_id-index", partitionKey: { name: "crossed_flight_id", type: "S" } },
          { name: "region-index", partitionKey: { name: "region", type: "S" } },
        ],
      }),
    ).toEqual([]);
  });

  it("reports undeclared names, type conflicts, duplicates, projections and the GSI limit", () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `gsi-${i}`, partitionKey: "pk" }));
    expect(
      validateTableKeys({
        partitionKey: { name: "pk", type: "S" },
        sortKey: { name: "pk", type: "N" },
        globalSecondaryIndexes: [
          { name: "a-index", partitionKey: "missing" },
          { name: "a-index", partitionKey: { name: "pk", type: "N" }, projection: "KEYS_ONLY", nonKeyAttributes: ["x"] },
          { name: "b-index", partitionKey: "pk", projection: "INCLUDE" },
        ],
      }),
    ).toEqual([
      'sortKey: attribute "pk" is declared as N here and as S elsewhere',
      'sortKey "pk" must differ from the partition key',
      'index "a-index": name is used twice',
      'index "a-index" partitionKey: attribute "pk" is declared as N here and as S elsewhere',
      'index "a-index": nonKeyAttributes only go with projection INCLUDE (got KEYS_ONLY)',
      'index "b-index": projection INCLUDE needs nonKeyAttributes',
      'index "a-index" partitionKey: attribute "missing" is not declared by any key; give it as { name: "missing", type: "S" | "N" | "B" }',
    ]);
    expect(validateTableKeys({ partitionKey: { name: "pk", type: "S" }, globalSecondaryIndexes: many })).toEqual([
      "21 global secondary indexes: a table has at most 20",
    ]);
  });

  it("makes the construct fail with the path and every message", () => {
    expect(() => table({ name: "x!", partitionKey: { name: "pk", type: "S" }, globalSecondaryIndexes: [{ name: "g1", partitionKey: "nope" }] })).toThrow(
      /^test\/t: index "g1": name must be 3-255 .*; index "g1" partitionKey: attribute "nope" is not declared.*; name "x!" must be/,
    );
  });
});
