import { LambdaLayerVersion } from "@cdktf/provider-aws/lib/lambda-layer-version";
import { throwIfInvalid } from "@infra/config";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";
import type { S3Code } from "./code";
import type { LambdaArchitecture } from "./function";
import { validateRuntime } from "./validate";

export interface LambdaLayerProps {
  /** Layer name, e.g. "aerologue-dev-common-utils". */
  readonly name: string;
  /** @default none */
  readonly description?: string;
  /** The zip artifact in S3. */
  readonly code: S3Code;
  /** Runtimes the layer supports (each validated like a function's runtime). */
  readonly compatibleRuntimes: readonly string[];
  /** @default ["arm64"] */
  readonly compatibleArchitectures?: readonly LambdaArchitecture[];
  /** Base64 SHA-256 of the zip, to publish a new version when the artifact changes. @default none */
  readonly sourceCodeHash?: string;
  /**
   * Keep old versions when a new one is published, so functions still pinned to them keep working
   * until they move. @default true
   */
  readonly retainOldVersions?: boolean;
}

/** A Lambda layer version published from an S3 artifact. */
export class LambdaLayer extends Construct {
  /** The versioned layer ARN, what a function's `layers` takes. */
  readonly layerVersionArn: string;
  /** The layer ARN without version. */
  readonly layerArn: string;
  readonly version: string;

  constructor(scope: Construct, id: string, props: LambdaLayerProps) {
    super(scope, id);
    markLibrary(this, "lambda");
    throwIfInvalid(`Lambda layer "${props.name}"`, [
      /^[A-Za-z0-9_-]{1,140}$/.test(props.name) ? undefined : `layer name "${props.name}" must be 1-140 letters, digits, "-" or "_"`,
      props.compatibleRuntimes.length === 0 ? "compatibleRuntimes needs at least one runtime" : undefined,
      props.compatibleRuntimes.length > 15 ? "at most 15 compatibleRuntimes" : undefined,
      ...props.compatibleRuntimes.map((r) => validateRuntime(r)),
    ]);
    const layer = new LambdaLayerVersion(this, "layer", {
      layerName: props.name,
      description: props.description,
      s3Bucket: props.code.s3Bucket,
      s3Key: props.code.s3Key,
      s3ObjectVersion: props.code.s3ObjectVersion,
      sourceCodeHash: props.sourceCodeHash,
      compatibleRuntimes: [...props.compatibleRuntimes],
      compatibleArchitectures: [...(props.compatibleArchitectures ?? ["arm64"])],
      skipDestroy: props.retainOldVersions ?? true,
    });
    this.layerVersionArn = layer.arn;
    this.layerArn = layer.layerArn;
    this.version = layer.version;
  }
}
