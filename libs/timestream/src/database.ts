import { TimestreamwriteDatabase } from "@cdktf/provider-aws/lib/timestreamwrite-database";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";

export interface TimestreamDatabaseProps {
  /** e.g. "aerologue-flights" (seed 000 ARC-005). 3-256 characters: letters, digits, "-", "_", ".". */
  readonly databaseName: string;
  /** Customer-managed KMS key ARN (the seed's "AWS owned" key is replaced by a CMK: POLICIES.md #59). */
  readonly kmsKeyArn: string;
  /** `prevent_destroy`. @default true */
  readonly deletionProtection?: boolean;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

export const TIMESTREAM_NAME_RE = /^[a-zA-Z0-9_.-]{3,256}$/;

/** A Timestream for LiveAnalytics database encrypted with a CMK. */
export class TimestreamDatabase extends Construct {
  readonly databaseName: string;
  readonly databaseArn: string;

  constructor(scope: Construct, id: string, props: TimestreamDatabaseProps) {
    super(scope, id);
    markLibrary(this, "timestream");
    if (!TIMESTREAM_NAME_RE.test(props.databaseName)) {
      throw new RangeError(`TimestreamDatabase ${JSON.stringify(props.databaseName)}: name must be 3-256 letters, digits, "-", "_" or "."`);
    }
    const db = new TimestreamwriteDatabase(this, "database", {
      databaseName: props.databaseName,
      kmsKeyId: props.kmsKeyArn,
      lifecycle: { preventDestroy: props.deletionProtection ?? true },
      tags: { ...props.tags, Name: props.databaseName },
    });
    this.databaseName = db.databaseName;
    this.databaseArn = db.arn;
  }
}
