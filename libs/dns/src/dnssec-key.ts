import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";

export interface DnssecSigningKeyProps {
  readonly name: string;
  readonly accountId: string;
  /** @default true */
  readonly deletionProtection?: boolean;
}

/**
 * The asymmetric KMS key Route 53 signs a zone with (pass its `keyArn` as `HostedZone` `dnssec.kmsKeyArn`) (ECC_NIST_P256, SIGN_VERIFY, in us-east-1):
 * usable only by the Route 53 DNSSEC service for this account's hosted zones. Asymmetric keys
 * cannot rotate; Route 53 rotates by adding a new key-signing key.
 */
export class DnssecSigningKey extends Construct {
  readonly keyArn: string;

  constructor(scope: Construct, id: string, props: DnssecSigningKeyProps) {
    super(scope, id);
    markLibrary(this, "dns");
    const sourceAccount = { test: "StringEquals", variable: "aws:SourceAccount", values: [props.accountId] };
    const policy = new DataAwsIamPolicyDocument(this, "policy", {
      statement: [
        {
          sid: "AccountRootAdministers",
          principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${props.accountId}:root`] }],
          actions: ["kms:*"],
          resources: ["*"],
        },
        {
          sid: "Route53DnssecSigns",
          principals: [{ type: "Service", identifiers: ["dnssec-route53.amazonaws.com"] }],
          actions: ["kms:DescribeKey", "kms:GetPublicKey", "kms:Sign"],
          resources: ["*"],
          condition: [sourceAccount, { test: "ArnLike", variable: "aws:SourceArn", values: ["arn:aws:route53:::hostedzone/*"] }],
        },
        {
          sid: "Route53DnssecGrants",
          principals: [{ type: "Service", identifiers: ["dnssec-route53.amazonaws.com"] }],
          actions: ["kms:CreateGrant"],
          resources: ["*"],
          condition: [sourceAccount, { test: "Bool", variable: "kms:GrantIsForAWSResource", values: ["true"] }],
        },
      ],
    });
    const key = new KmsKey(this, "key", {
      description: `DNSSEC key-signing key of ${props.name}`,
      customerMasterKeySpec: "ECC_NIST_P256",
      keyUsage: "SIGN_VERIFY",
      deletionWindowInDays: 30,
      policy: policy.json,
      tags: { Name: `${props.name}-dnssec` },
      lifecycle: { preventDestroy: props.deletionProtection ?? true },
    });
    this.keyArn = key.arn;
  }
}
