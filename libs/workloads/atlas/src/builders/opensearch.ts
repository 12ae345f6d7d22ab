import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import type { StackBuilder } from "@infra/core";
import { SearchDomain } from "@infra/opensearch";
import type { AtlasSearchInputs } from "../inputs/modules";
import { atlasTags } from "./common";
import { buildAtlasKms } from "./kms";
import { buildAtlasVpc } from "./vpc";

export interface AtlasSearch {
  readonly domainArn: string;
  readonly domainName: string;
  readonly endpoint: string;
  readonly securityGroupId: string;
}

/**
 * Phase 3+: OpenSearch per the seed's staging/production table, in the VPC's private subnets, CMK
 * encryption, node-to-node TLS, fine-grained access with an IAM master role. The access policy
 * delegates to IAM in this account (the search service's task role gets es:ESHttp* on this domain);
 * FGAC maps that role inside OpenSearch. Automated snapshots: hourly, kept 14 days (seed DR table).
 */
export const buildAtlasSearch: StackBuilder<AtlasSearchInputs, AtlasSearch> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildAtlasKms);
  const { vpc } = ctx.dependencyOn("vpc", buildAtlasVpc);
  const account = ctx.env.accountId;
  const assume = new DataAwsIamPolicyDocument(stack, "admin-assume", {
    statement: [{ effect: "Allow", actions: ["sts:AssumeRole"], principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${account}:root`] }] }],
  });
  const admin = new IamRole(stack, "admin", {
    name: `${inputs.domainName}-${ctx.deployment.region.name}-admin`,
    description: "OpenSearch fine-grained access master user (assumed by administrators)",
    assumeRolePolicy: assume.json,
    tags: atlasTags("search"),
  });
  const domain = new SearchDomain(stack, "search", {
    domainName: inputs.domainName,
    instanceType: inputs.instanceType,
    instanceCount: inputs.nodes,
    volumeSizeGiB: inputs.volumeGiB,
    kmsKeyArn: keys.data.keyArn,
    vpcId: vpc.vpcId,
    // 1 or 3 nodes: OpenSearch needs the node count to be a multiple of the zones, and the seed's VPC has two.
    subnetIds: [vpc.privateSubnetIds[0]!],
    masterUserArn: admin.arn,
    accessPrincipalArns: [admin.arn, `arn:aws:iam::${account}:root`],
    logRetentionDays: inputs.logRetentionDays,
    logKmsKeyArn: keys.logs.keyArn,
    offPeakWindowStart: ctx.settings.windows.searchOffPeakStart,
    deletionProtection: inputs.deletionProtection,
    tags: atlasTags("search"),
  });
  return { domainArn: domain.domainArn, domainName: domain.domainName, endpoint: domain.endpoint, securityGroupId: domain.securityGroupId };
};
