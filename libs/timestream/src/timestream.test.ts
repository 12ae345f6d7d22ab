import { TimestreamwriteDatabase } from "@cdktf/provider-aws/lib/timestreamwrite-database";
import { TimestreamwriteTable } from "@cdktf/provider-aws/lib/timestreamwrite-table";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { TimestreamDatabase } from "./database";
import { TimestreamTable, type TimestreamTableProps } from "./table";

const KEY = "arn:aws:kms:us-east-1:1:key/timestream";
const SEED_000: Omit<TimestreamTableProps, "databaseName"> = {
  tableName: "flight_positions",
  memoryStoreRetentionHours: 1,
  magneticStoreRetentionDays: 7,
  dimensions: ["aircraft_id", "callsign", "registration"],
  measures: ["latitude", "longitude", "altitude_ft", "ground_speed_kts", "heading_deg", "vertical_rate", "on_ground"],
};

function synth(table: Partial<TimestreamTableProps> = {}) {
  let t: TimestreamTable | undefined;
  const json = Testing.synthScope((scope) => {
    const db = new TimestreamDatabase(scope, "db", { databaseName: "aerologue-flights", kmsKeyArn: KEY });
    t = new TimestreamTable(scope, "positions", { ...SEED_000, databaseName: db.databaseName, ...table });
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped
  return { json, tf: JSON.parse(json) as { resource: Record<string, Record<string, Record<string, any>>> }, table: t! };
}

describe("TimestreamDatabase / TimestreamTable", () => {
  it("encrypts the database with the CMK and protects it from destroy", () => {
    expect(synth().json).toHaveResourceWithProperties(TimestreamwriteDatabase, {
      database_name: "aerologue-flights",
      kms_key_id: KEY,
      lifecycle: { prevent_destroy: true },
    });
  });

  it("creates seed 000's flight_positions table: 1 hour memory, 7 days magnetic, dimensions documented", () => {
    const { json, tf, table } = synth();
    const dbName = Object.keys(tf.resource.aws_timestreamwrite_database!)[0];
    expect(json).toHaveResourceWithProperties(TimestreamwriteTable, {
      database_name: `\${aws_timestreamwrite_database.${dbName}.database_name}`,
      table_name: "flight_positions",
      retention_properties: { memory_store_retention_period_in_hours: 1, magnetic_store_retention_period_in_days: 7 },
      magnetic_store_write_properties: { enable_magnetic_store_writes: false },
      lifecycle: { prevent_destroy: true },
      tags: {
        Name: "flight_positions",
        Dimensions: "aircraft_id callsign registration",
        Measures: "latitude longitude altitude_ft ground_speed_kts heading_deg vertical_rate on_ground",
      },
    });
    const values = Object.values(tf.resource.aws_timestreamwrite_table!)[0]!;
    expect(values.schema).toBeUndefined();
    expect(table.dimensions).toEqual(["aircraft_id", "callsign", "registration"]);
  });

  it("enables magnetic store writes with a rejected-data location and a dimension partition key", () => {
    const { json } = synth({
      magneticStoreWrites: { rejectedDataLocation: { bucketName: "aerologue-rejected", objectKeyPrefix: "flight_positions/", kmsKeyArn: KEY } },
      partitionKey: { type: "DIMENSION", name: "aircraft_id" },
      deletionProtection: false,
    });
    expect(json).toHaveResourceWithProperties(TimestreamwriteTable, {
      magnetic_store_write_properties: {
        enable_magnetic_store_writes: true,
        magnetic_store_rejected_data_location: {
          s3_configuration: { bucket_name: "aerologue-rejected", object_key_prefix: "flight_positions/", encryption_option: "SSE_KMS", kms_key_id: KEY },
        },
      },
      schema: { composite_partition_key: { type: "DIMENSION", name: "aircraft_id", enforcement_in_record: "REQUIRED" } },
      lifecycle: { prevent_destroy: false },
    });
  });

  it("rejects retention out of range, undocumented partition keys and names a tag cannot hold", () => {
    expect(() => synth({ memoryStoreRetentionHours: 0 })).toThrow("TimestreamTable flight_positions: memoryStoreRetentionHours 0 must be an integer 1-8766");
    expect(() => synth({ magneticStoreRetentionDays: 80000 })).toThrow("magneticStoreRetentionDays 80000 must be an integer 1-73000");
    expect(() => synth({ partitionKey: { type: "DIMENSION", name: "tail" } })).toThrow(
      'partition key "tail" is not one of the dimensions (aircraft_id, callsign, registration)',
    );
    expect(() => synth({ dimensions: [] })).toThrow("document at least one dimension");
    expect(() => synth({ dimensions: ["aircraft id,x"] })).toThrow('dimension name "aircraft id,x" must use letters');
    expect(() => synth({ dimensions: ["a", "a"] })).toThrow('dimension "a" is listed twice');
    expect(() => synth({ tableName: "x" })).toThrow("name must be 3-256");
  });
});
