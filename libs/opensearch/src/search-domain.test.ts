import { OpensearchDomain } from "@cdktf/provider-aws/lib/opensearch-domain";
import { describe, expect, it } from "vitest";
import { entries, first, scopeSynthWith } from "@infra/testing-core/blocks";
import { SearchDomain, type SearchDomainProps } from "./search-domain";

const MASTER = "arn:aws:iam::111111111111:role/search-admin";
const STAGING: SearchDomainProps = {
  domainName: "staging-atlas-search",
  instanceType: "t3.small.search",
  instanceCount: 1,
  volumeSizeGiB: 20,
  kmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/search",
  vpcId: "vpc-1",
  subnetIds: ["subnet-a"],
  masterUserArn: MASTER,
  logRetentionDays: 30,
  logKmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/logs",
};
const PROD: Partial<SearchDomainProps> = {
  domainName: "prod-atlas-search",
  instanceType: "r6g.large.search",
  instanceCount: 3,
  volumeSizeGiB: 100,
  dedicatedMasters: { count: 3, instanceType: "m6g.large.search" },
  zoneAwareness: { azCount: 3 },
  subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
};

const synth = scopeSynthWith(SearchDomain, "search", STAGING);

describe("SearchDomain", () => {
  it("encrypts at rest with the CMK and between nodes, enforces HTTPS with the PFS policy, stays in the VPC", () => {
    const { json, tf } = synth();
    const [sgName] = first(tf.resource, "aws_security_group");
    expect(json).toHaveResourceWithProperties(OpensearchDomain, {
      domain_name: "staging-atlas-search",
      engine_version: "OpenSearch_2.17",
      cluster_config: { instance_type: "t3.small.search", instance_count: 1, dedicated_master_enabled: false, zone_awareness_enabled: false },
      ebs_options: { ebs_enabled: true, volume_type: "gp3", volume_size: 20 },
      encrypt_at_rest: { enabled: true, kms_key_id: STAGING.kmsKeyArn },
      node_to_node_encryption: { enabled: true },
      domain_endpoint_options: { enforce_https: true, tls_security_policy: "Policy-Min-TLS-1-2-PFS-2023-10" },
      vpc_options: { subnet_ids: ["subnet-a"], security_group_ids: [`\${aws_security_group.${sgName}.id}`] },
      advanced_security_options: {
        enabled: true,
        anonymous_auth_enabled: false,
        internal_user_database_enabled: false,
        master_user_options: { master_user_arn: MASTER },
      },
      advanced_options: { "rest.action.multi.allow_explicit_index": "true" },
      lifecycle: { prevent_destroy: true },
    });
    const [, domain] = first(tf.resource, "aws_opensearch_domain");
    expect(domain.snapshot_options).toBeUndefined();
  });

  it("builds the seed's production cluster: 3 data nodes over 3 AZs, 3 dedicated masters, 100 GiB", () => {
    const { json } = synth(PROD);
    expect(json).toHaveResourceWithProperties(OpensearchDomain, {
      cluster_config: {
        instance_type: "r6g.large.search",
        instance_count: 3,
        dedicated_master_enabled: true,
        dedicated_master_count: 3,
        dedicated_master_type: "m6g.large.search",
        zone_awareness_enabled: true,
        zone_awareness_config: { availability_zone_count: 3 },
      },
      ebs_options: { ebs_enabled: true, volume_type: "gp3", volume_size: 100 },
    });
  });

  it("scopes the access policy to named principals on this domain", () => {
    const { tf } = synth({ accessPrincipalArns: [MASTER, "arn:aws:iam::111111111111:role/search-service-task"] });
    const region = first(tf.data, "aws_region")[0];
    const account = first(tf.data, "aws_caller_identity")[0];
    const [docName, doc] = entries(tf.data, "aws_iam_policy_document").find(([k]) => k.startsWith("search_access-policy"))!;
    expect(doc.statement).toEqual([
      {
        sid: "NamedPrincipalsHttp",
        effect: "Allow",
        principals: [{ type: "AWS", identifiers: [MASTER, "arn:aws:iam::111111111111:role/search-service-task"] }],
        actions: ["es:ESHttp*"],
        resources: [`arn:aws:es:\${data.aws_region.${region}.region}:\${data.aws_caller_identity.${account}.account_id}:domain/staging-atlas-search/*`],
      },
    ]);
    expect(first(tf.resource, "aws_opensearch_domain")[1].access_policies).toBe(`\${data.aws_iam_policy_document.${docName}.json}`);
  });

  it("publishes all four logs to encrypted log groups with retention and a scoped resource policy", () => {
    const { tf } = synth();
    const byName = Object.fromEntries(entries(tf.resource, "aws_cloudwatch_log_group").map(([k, g]) => [g.name, [k, g]] as const));
    const groups = ["index-slow", "search-slow", "application", "audit"].map((s) => byName[`/aws/opensearch/staging-atlas-search/${s}`]!);
    expect(groups.map(([, g]) => [g.name, g.retention_in_days, g.kms_key_id])).toEqual([
      ["/aws/opensearch/staging-atlas-search/index-slow", 30, STAGING.logKmsKeyArn],
      ["/aws/opensearch/staging-atlas-search/search-slow", 30, STAGING.logKmsKeyArn],
      ["/aws/opensearch/staging-atlas-search/application", 30, STAGING.logKmsKeyArn],
      ["/aws/opensearch/staging-atlas-search/audit", 30, STAGING.logKmsKeyArn],
    ]);
    const [, domain] = first(tf.resource, "aws_opensearch_domain");
    expect(domain.log_publishing_options).toEqual(
      ["INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS", "ES_APPLICATION_LOGS", "AUDIT_LOGS"].map((logType, i) => ({
        log_type: logType,
        cloudwatch_log_group_arn: `\${aws_cloudwatch_log_group.${groups[i]![0]}.arn}`,
        enabled: true,
      })),
    );
    const [policyName, policy] = first(tf.resource, "aws_cloudwatch_log_resource_policy");
    expect(policy.policy_name).toBe("staging-atlas-search-opensearch-logs");
    expect(domain.depends_on).toEqual([`aws_cloudwatch_log_resource_policy.${policyName}`]);
    const [, doc] = entries(tf.data, "aws_iam_policy_document").find(([k]) => k.startsWith("search_log-policy-doc"))!;
    const statement = doc.statement[0];
    expect(statement.principals).toEqual([{ type: "Service", identifiers: ["es.amazonaws.com"] }]);
    expect(statement.actions).toEqual(["logs:CreateLogStream", "logs:PutLogEvents"]);
    expect(statement.resources).toEqual(groups.map(([k]) => `\${aws_cloudwatch_log_group.${k}.arn}:*`));
    expect(statement.condition.map((c: { test: string; variable: string }) => `${c.test} ${c.variable}`)).toEqual([
      "StringEquals aws:SourceAccount",
      "ArnLike aws:SourceArn",
    ]);
  });

  it("opens 443 only to named security groups", () => {
    const { tf } = synth({ allowFromSecurityGroupIds: ["sg-search-svc"] }, (d) => d.allowFrom("bastion", "sg-bastion", "From the bastion"));
    const rules = entries(tf.resource, "aws_vpc_security_group_ingress_rule").map(([, r]) => [r.referenced_security_group_id, r.from_port, r.to_port]);
    expect(rules.sort()).toEqual([
      ["sg-bastion", 443, 443],
      ["sg-search-svc", 443, 443],
    ]);
    expect(tf.resource.aws_vpc_security_group_egress_rule).toBeUndefined();
  });

  it("emits the snapshot hour only when set, and relaxes deletion protection only when asked", () => {
    const { json } = synth({ automatedSnapshotStartHour: 3, deletionProtection: false });
    expect(json).toHaveResourceWithProperties(OpensearchDomain, {
      snapshot_options: { automated_snapshot_start_hour: 3 },
      lifecycle: { prevent_destroy: false },
    });
  });

  it("sets the off-peak window (when updates and Auto-Tune apply) from a typed UTC start", () => {
    expect(synth().json).toHaveResourceWithProperties(OpensearchDomain, {
      off_peak_window_options: { enabled: true, off_peak_window: { window_start_time: { hours: 3, minutes: 0 } } },
    });
    expect(synth({ offPeakWindowStart: "22:45" }).json).toHaveResourceWithProperties(OpensearchDomain, {
      off_peak_window_options: { enabled: true, off_peak_window: { window_start_time: { hours: 22, minutes: 45 } } },
    });
    expect(() => synth({ offPeakWindowStart: "25:00" })).toThrow('offPeakWindowStart "25:00" must be a UTC time "hh:mm" (24-hour)');
  });

  it("rejects invalid topologies and wildcard principals", () => {
    expect(() => synth({ ...PROD, dedicatedMasters: { count: 2, instanceType: "m6g.large.search" } })).toThrow(
      "SearchDomain prod-atlas-search: dedicated masters need a quorum of 3 or 5 nodes, got 2",
    );
    expect(() => synth({ ...PROD, instanceCount: 4 })).toThrow("instanceCount 4 must be a multiple of the 3 availability zones");
    expect(() => synth({ ...PROD, subnetIds: ["subnet-a"] })).toThrow("give exactly 3 private subnets (one per availability zone in use), got 1");
    expect(() => synth({ subnetIds: ["a", "b"] })).toThrow("give exactly 1 private subnet (one per availability zone in use), got 2");
    expect(() => synth({ domainName: "Prod_Search" })).toThrow("domain name must be 3-28 characters");
    expect(() => synth({ accessPrincipalArns: ["*"] })).toThrow('access principal "*" is a wildcard; name IAM roles');
    expect(() => synth({ automatedSnapshotStartHour: 24 })).toThrow("automatedSnapshotStartHour must be 0-23");
  });
});
