import { TimestreamwriteTable } from "@cdktf/provider-aws/lib/timestreamwrite-table";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";
import { TIMESTREAM_NAME_RE } from "./database";

export type PartitionKey =
  /** Partition on a dimension: queries filtering on it read less. */
  | { readonly type: "DIMENSION"; readonly name: string; /** @default "REQUIRED" */ readonly enforcementInRecord?: "REQUIRED" | "OPTIONAL" }
  /** Timestream's default partitioning on the measure name. */
  | { readonly type: "MEASURE" };

export interface MagneticStoreWritesProps {
  /** Where records the magnetic store rejects are reported. @default none */
  readonly rejectedDataLocation?: {
    readonly bucketName: string;
    /** @default none */
    readonly objectKeyPrefix?: string;
    /** CMK for the reports (SSE-KMS). @default SSE-S3 */
    readonly kmsKeyArn?: string;
  };
}

export interface TimestreamTableProps {
  /** From TimestreamDatabase. */
  readonly databaseName: string;
  /** e.g. "flight_positions". */
  readonly tableName: string;
  /** Hours records stay in the memory store (1-8766; seed 000: 1). */
  readonly memoryStoreRetentionHours: number;
  /** Days records stay in the magnetic store (1-73000; seed 000: 7). */
  readonly magneticStoreRetentionDays: number;
  /** Accept late records (older than the memory window) into the magnetic store. @default off */
  readonly magneticStoreWrites?: MagneticStoreWritesProps;
  /** Customer-defined partition key. @default Timestream's (measure name) */
  readonly partitionKey?: PartitionKey;
  /**
   * The dimensions writers send (seed 000: aircraft_id, callsign, registration). Timestream has no
   * dimension schema resource — dimensions are whatever each write carries — so this list is the
   * contract: emitted as the table's `Dimensions` tag and exposed as an attribute for writers.
   */
  readonly dimensions: readonly string[];
  /** The measures writers send, documented the same way (`Measures` tag). @default [] */
  readonly measures?: readonly string[];
  /** `prevent_destroy`. @default true */
  readonly deletionProtection?: boolean;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Characters an AWS tag value accepts; names joined by spaces must fit in one 256-character value. */
const TAG_SAFE_NAME_RE = /^[A-Za-z0-9_.:/=+@-]+$/;

function documented(names: readonly string[], what: string, where: string): string {
  const seen = new Set<string>();
  for (const n of names) {
    if (!TAG_SAFE_NAME_RE.test(n)) throw new RangeError(`${where}: ${what} name ${JSON.stringify(n)} must use letters, digits and _ . : / = + @ - only`);
    if (seen.has(n)) throw new RangeError(`${where}: ${what} ${JSON.stringify(n)} is listed twice`);
    seen.add(n);
  }
  const joined = names.join(" ");
  if (joined.length > 256) throw new RangeError(`${where}: ${what} names take ${joined.length} characters; a tag value holds 256`);
  return joined;
}

/** A Timestream table with explicit memory/magnetic retention and its dimensions documented on it. */
export class TimestreamTable extends Construct {
  readonly tableName: string;
  readonly tableArn: string;
  readonly databaseName: string;
  /** The documented dimensions, for writers (and IAM conditions) to use. */
  readonly dimensions: readonly string[];
  readonly measures: readonly string[];

  constructor(scope: Construct, id: string, props: TimestreamTableProps) {
    super(scope, id);
    markLibrary(this, "timestream");
    const where = `TimestreamTable ${props.tableName}`;
    if (!TIMESTREAM_NAME_RE.test(props.tableName)) throw new RangeError(`${where}: name must be 3-256 letters, digits, "-", "_" or "."`);
    const hours = props.memoryStoreRetentionHours;
    const days = props.magneticStoreRetentionDays;
    if (!Number.isInteger(hours) || hours < 1 || hours > 8766) throw new RangeError(`${where}: memoryStoreRetentionHours ${hours} must be an integer 1-8766`);
    if (!Number.isInteger(days) || days < 1 || days > 73000) throw new RangeError(`${where}: magneticStoreRetentionDays ${days} must be an integer 1-73000`);
    if (props.dimensions.length === 0) throw new RangeError(`${where}: document at least one dimension`);
    const dimensionsTag = documented(props.dimensions, "dimension", where);
    const measures = props.measures ?? [];
    const measuresTag = documented(measures, "measure", where);
    const pk = props.partitionKey;
    if (pk?.type === "DIMENSION" && !props.dimensions.includes(pk.name)) {
      throw new RangeError(`${where}: partition key ${JSON.stringify(pk.name)} is not one of the dimensions (${props.dimensions.join(", ")})`);
    }

    const writes = props.magneticStoreWrites;
    const rejected = writes?.rejectedDataLocation;
    const table = new TimestreamwriteTable(this, "table", {
      databaseName: props.databaseName,
      tableName: props.tableName,
      retentionProperties: { memoryStoreRetentionPeriodInHours: hours, magneticStoreRetentionPeriodInDays: days },
      magneticStoreWriteProperties: {
        enableMagneticStoreWrites: writes !== undefined,
        ...(rejected
          ? {
              magneticStoreRejectedDataLocation: {
                s3Configuration: {
                  bucketName: rejected.bucketName,
                  objectKeyPrefix: rejected.objectKeyPrefix,
                  encryptionOption: rejected.kmsKeyArn !== undefined ? "SSE_KMS" : "SSE_S3",
                  kmsKeyId: rejected.kmsKeyArn,
                },
              },
            }
          : {}),
      },
      ...(pk
        ? {
            schema: {
              compositePartitionKey:
                pk.type === "DIMENSION" ? { type: "DIMENSION", name: pk.name, enforcementInRecord: pk.enforcementInRecord ?? "REQUIRED" } : { type: "MEASURE" },
            },
          }
        : {}),
      lifecycle: { preventDestroy: props.deletionProtection ?? true },
      tags: { ...props.tags, Name: props.tableName, Dimensions: dimensionsTag, ...(measures.length > 0 ? { Measures: measuresTag } : {}) },
    });
    this.tableName = table.tableName;
    this.tableArn = table.arn;
    this.databaseName = table.databaseName;
    this.dimensions = [...props.dimensions];
    this.measures = [...measures];
  }
}
