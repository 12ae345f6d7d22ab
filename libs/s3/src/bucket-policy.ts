import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";

/** A bucket policy statement (a resource policy: it names principals), as a `data.aws_iam_policy_document` block. */
export type BucketPolicyStatement = DataAwsIamPolicyDocumentStatement;

/** @deprecated Bucket policy statements are `BucketPolicyStatement`; grants take a `Grantee` of `@infra/iam` (ADR 0115). */
export type PolicyStatement = BucketPolicyStatement;

/** Deny every request that does not use TLS (AwsSolutions-S10). */
export function denyInsecureTransport(bucketArn: string): BucketPolicyStatement {
  return {
    sid: "DenyInsecureTransport",
    effect: "Deny",
    principals: [{ type: "*", identifiers: ["*"] }],
    actions: ["s3:*"],
    resources: [bucketArn, `${bucketArn}/*`],
    condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
  };
}

/** An AWS service may do `actions` on `resources`, under `condition` (which names whose behalf it acts on). */
function serviceAllowed(
  sid: string,
  service: string,
  actions: string[],
  resources: string[],
  condition: NonNullable<BucketPolicyStatement["condition"]>,
): BucketPolicyStatement {
  return { sid, effect: "Allow", principals: [{ type: "Service", identifiers: [service] }], actions, resources, condition };
}

/** CloudFront (origin access control) may read objects, only on behalf of the named distribution. */
export function cloudFrontRead(bucketArn: string, distributionArn: string, sid: string, keyPrefix = ""): BucketPolicyStatement {
  return serviceAllowed(
    sid,
    "cloudfront.amazonaws.com",
    ["s3:GetObject"],
    [`${bucketArn}/${keyPrefix}*`],
    [{ test: "StringEquals", variable: "AWS:SourceArn", values: [distributionArn] }],
  );
}

/** S3 server access logs from buckets of this account may be written here. */
export function s3AccessLogDelivery(bucketArn: string, accountId: string): BucketPolicyStatement {
  return serviceAllowed(
    "S3ServerAccessLogs",
    "logging.s3.amazonaws.com",
    ["s3:PutObject"],
    [`${bucketArn}/*`],
    [{ test: "StringEquals", variable: "aws:SourceAccount", values: [accountId] }],
  );
}

/**
 * AWS Data Exports (CUR 2.0) of this account may deliver here: put objects, and read the bucket
 * policy to check before each delivery that the bucket still belongs to the exporting account.
 * Data Exports is a us-east-1 service, so its exports' ARNs are us-east-1 whatever the bucket's region.
 */
export function billingExportDelivery(bucketArn: string, accountId: string): PolicyStatement {
  return serviceAllowed(
    "BillingDataExports",
    "bcm-data-exports.amazonaws.com",
    ["s3:GetBucketPolicy", "s3:PutObject"],
    [bucketArn, `${bucketArn}/*`],
    [
      { test: "StringEquals", variable: "aws:SourceAccount", values: [accountId] },
      { test: "StringLike", variable: "aws:SourceArn", values: [`arn:aws:bcm-data-exports:us-east-1:${accountId}:export/*`] },
    ],
  );
}

/**
 * Elastic Load Balancing account per region (regions opened before August 2022). Newer regions
 * use the `logdelivery.elasticloadbalancing.amazonaws.com` service principal instead.
 */
const ELB_ACCOUNTS: Readonly<Record<string, string>> = {
  "us-east-1": "127311923021",
  "us-east-2": "033677994240",
  "us-west-1": "027434742980",
  "us-west-2": "797873946194",
  "ca-central-1": "985666609251",
  "eu-west-1": "156460612806",
  "eu-west-2": "652711504416",
  "eu-central-1": "054676820928",
  "ap-southeast-1": "114774131450",
  "ap-southeast-2": "783225319266",
  "ap-northeast-1": "582318560864",
  "sa-east-1": "507241528517",
};

/** ALB access logs of this account may be written under `<prefix>/AWSLogs/<account>/`. */
export function albLogDelivery(bucketArn: string, accountId: string, region: string, prefix: string): BucketPolicyStatement {
  const elbAccount = ELB_ACCOUNTS[region];
  const path = prefix === "" ? "" : `${prefix.replace(/\/+$/, "")}/`;
  return {
    sid: "AlbAccessLogs",
    effect: "Allow",
    principals: elbAccount
      ? [{ type: "AWS", identifiers: [`arn:aws:iam::${elbAccount}:root`] }]
      : [{ type: "Service", identifiers: ["logdelivery.elasticloadbalancing.amazonaws.com"] }],
    actions: ["s3:PutObject"],
    resources: [`${bucketArn}/${path}AWSLogs/${accountId}/*`],
  };
}
