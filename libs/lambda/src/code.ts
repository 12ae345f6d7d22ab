/**
 * Where a function's (or layer's) code lives. Application code is not built here: CI uploads an
 * artifact and config names it, so synth needs no file on disk. Only the infrastructure's own small
 * functions (FileCode) have their zip written by synth (InlineCodeAsset).
 */
export interface S3Code {
  readonly s3Bucket: string;
  readonly s3Key: string;
  /** Pin an object version of a versioned artifact bucket. @default latest version */
  readonly s3ObjectVersion?: string;
}

export interface ImageCode {
  /** ECR image URI, ideally pinned by digest (`...@sha256:...`). */
  readonly imageUri: string;
}

/**
 * A zip the repository itself writes into the stack's directory at synth (InlineCodeAsset): small
 * operational functions whose code is part of the infrastructure, not an application artifact.
 */
export interface FileCode {
  /** Path of the zip relative to the stack's Terraform working directory. */
  readonly filename: string;
}

export type LambdaCode = S3Code | ImageCode | FileCode;

export function isImageCode(code: LambdaCode): code is ImageCode {
  return "imageUri" in code;
}

/** The aws_lambda_function arguments for a code location. */
export function codeArguments(code: LambdaCode): Record<string, string> {
  if (isImageCode(code)) return { packageType: "Image", imageUri: code.imageUri };
  if ("filename" in code) return { packageType: "Zip", filename: code.filename };
  return {
    packageType: "Zip",
    s3Bucket: code.s3Bucket,
    s3Key: code.s3Key,
    ...(code.s3ObjectVersion !== undefined ? { s3ObjectVersion: code.s3ObjectVersion } : {}),
  };
}
