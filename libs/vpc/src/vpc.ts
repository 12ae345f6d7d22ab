import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DbSubnetGroup } from "@cdktf/provider-aws/lib/db-subnet-group";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc as AwsVpc } from "@cdktf/provider-aws/lib/vpc";
import { DEFAULT_SUBNET_NEW_BITS, type NatMode } from "@infra/config";
import { markLibrary } from "@infra/core";
import { declareLogGroupKey } from "@infra/kms";
import { Construct } from "constructs";
import { natGatewayCount, privateRouteTableCount } from "./nat";
import { DEFAULT_SUBNET_OFFSETS, type PlannedSubnet, type SubnetOffsets, planSubnets } from "./subnet-plan";

export type FlowLogsProps =
  | { readonly enabled: false }
  | {
      readonly enabled: true;
      /** Days CloudWatch keeps flow log records. */
      readonly retentionDays: number;
      /** Customer-managed KMS key for the log group. @default none (AWS-owned key) */
      readonly kmsKeyArn?: string;
      /** @default "ALL" */
      readonly trafficType?: "ALL" | "ACCEPT" | "REJECT";
      /** Aggregation interval in seconds. @default 600 */
      readonly maxAggregationInterval?: 60 | 600;
    };

export interface VpcProps {
  /** Name prefix of every resource, e.g. "dev-platform". */
  readonly name: string;
  /** IPv4 CIDR of the VPC, /16 to /28. */
  readonly cidr: string;
  /** Availability zones; subnet i of each tier goes to azs[i]. */
  readonly azs: readonly string[];
  /** cidrsubnet() offsets per tier. @default public 1..3, private 11..13, database 21..23 */
  readonly subnetOffsets?: SubnetOffsets;
  /** Bits added to the VPC prefix for each subnet. @default 8 (a /16 gives /24 subnets) */
  readonly subnetNewBits?: number;
  /** NAT egress for private subnets. @default { mode: "none" } */
  readonly nat?: NatMode;
  /** VPC flow logs to CloudWatch Logs. @default { enabled: false } */
  readonly flowLogs?: FlowLogsProps;
  /** Create a DB subnet group over the database subnets (needs two AZs). @default true when there are >= 2 database subnets */
  readonly createDbSubnetGroup?: boolean;
  /** Extra tags on every resource of the VPC. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A VPC in the shape of terraform-aws-modules/vpc 5.x: public, private and database tiers,
 * an internet gateway, NAT per mode, a locked default security group, optional flow logs.
 * Better than the module: database subnets get their own route table with no route out at all.
 */
export class Vpc extends Construct {
  readonly vpcId: string;
  readonly cidr: string;
  readonly azs: readonly string[];
  readonly publicSubnetIds: string[];
  readonly privateSubnetIds: string[];
  readonly databaseSubnetIds: string[];
  readonly publicRouteTableIds: string[];
  readonly privateRouteTableIds: string[];
  readonly databaseRouteTableIds: string[];
  readonly natGatewayIds: string[];
  readonly natPublicIps: string[];
  readonly dbSubnetGroupName?: string;
  readonly internetGatewayId?: string;
  readonly subnets: readonly PlannedSubnet[];

  constructor(scope: Construct, id: string, props: VpcProps) {
    super(scope, id);
    markLibrary(this, "vpc");
    const nat = props.nat ?? { mode: "none" };
    const flowLogs = props.flowLogs ?? { enabled: false };
    const tags = props.tags ?? {};
    const named = (suffix: string, extra: Record<string, string> = {}) => ({ ...tags, Name: `${props.name}-${suffix}`, ...extra });

    this.subnets = planSubnets(props.cidr, props.azs, props.subnetOffsets ?? DEFAULT_SUBNET_OFFSETS, props.subnetNewBits ?? DEFAULT_SUBNET_NEW_BITS);
    const tier = (t: PlannedSubnet["tier"]) => this.subnets.filter((s) => s.tier === t);
    this.azs = [...props.azs];
    this.cidr = props.cidr;

    const vpc = new AwsVpc(this, "vpc", {
      cidrBlock: props.cidr,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: named("vpc"),
    });
    this.vpcId = vpc.id;

    // Nothing may fall back to the default security group: manage it with no rules at all.
    new DefaultSecurityGroup(this, "default-sg", { vpcId: vpc.id, ingress: [], egress: [], tags: named("default") });

    const makeSubnets = (t: PlannedSubnet["tier"]) =>
      tier(t).map(
        (s) =>
          new Subnet(this, `${t}-subnet-${s.index}`, {
            vpcId: vpc.id,
            cidrBlock: s.cidr,
            availabilityZone: s.az,
            mapPublicIpOnLaunch: false,
            tags: named(`${t}-${s.az}`, { Tier: t }),
          }),
      );
    const publicSubnets = makeSubnets("public");
    const privateSubnets = makeSubnets("private");
    const databaseSubnets = makeSubnets("database");
    this.publicSubnetIds = publicSubnets.map((s) => s.id);
    this.privateSubnetIds = privateSubnets.map((s) => s.id);
    this.databaseSubnetIds = databaseSubnets.map((s) => s.id);

    // Public tier: one route table with a default route to the internet gateway.
    this.publicRouteTableIds = [];
    if (publicSubnets.length > 0) {
      const igw = new InternetGateway(this, "igw", { vpcId: vpc.id, tags: named("igw") });
      this.internetGatewayId = igw.id;
      const rt = new RouteTable(this, "public-rt", { vpcId: vpc.id, tags: named("public") });
      new Route(this, "public-internet", { routeTableId: rt.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id });
      publicSubnets.forEach((s, i) => new RouteTableAssociation(this, `public-rta-${i}`, { subnetId: s.id, routeTableId: rt.id }));
      this.publicRouteTableIds.push(rt.id);
    }

    // NAT gateways live in the public subnets of their AZs.
    const natCount = natGatewayCount(nat, publicSubnets.length);
    const nats = Array.from({ length: natCount }, (_, i) => {
      const eip = new Eip(this, `nat-eip-${i}`, { domain: "vpc", tags: named(`nat-${props.azs[i]}`) });
      const gw = new NatGateway(this, `nat-${i}`, {
        allocationId: eip.id,
        subnetId: publicSubnets[i]!.id,
        tags: named(`nat-${props.azs[i]}`),
      });
      return { eip, gw };
    });
    this.natGatewayIds = nats.map((n) => n.gw.id);
    this.natPublicIps = nats.map((n) => n.eip.publicIp);

    // Private tier: per-AZ tables route through the NAT of their own AZ; a single NAT shares one table.
    const rtCount = privateRouteTableCount(nat, privateSubnets.length);
    const privateTables = Array.from({ length: rtCount }, (_, i) => {
      const suffix = rtCount === 1 ? "private" : `private-${props.azs[i]}`;
      const rt = new RouteTable(this, `private-rt-${i}`, { vpcId: vpc.id, tags: named(suffix) });
      const gw = nats.length === 0 ? undefined : nats[Math.min(i, nats.length - 1)]!.gw;
      if (gw) new Route(this, `private-nat-${i}`, { routeTableId: rt.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: gw.id });
      return rt;
    });
    privateSubnets.forEach(
      (s, i) =>
        new RouteTableAssociation(this, `private-rta-${i}`, {
          subnetId: s.id,
          routeTableId: privateTables[Math.min(i, privateTables.length - 1)]!.id,
        }),
    );
    this.privateRouteTableIds = privateTables.map((t) => t.id);

    // Database tier: isolated. Its own table with only the implicit local route.
    this.databaseRouteTableIds = [];
    if (databaseSubnets.length > 0) {
      const rt = new RouteTable(this, "database-rt", { vpcId: vpc.id, tags: named("database") });
      databaseSubnets.forEach((s, i) => new RouteTableAssociation(this, `database-rta-${i}`, { subnetId: s.id, routeTableId: rt.id }));
      this.databaseRouteTableIds.push(rt.id);
      if (props.createDbSubnetGroup ?? databaseSubnets.length >= 2) {
        const group = new DbSubnetGroup(this, "db-subnet-group", {
          name: `${props.name}-db`,
          description: `Database subnets of ${props.name}`,
          subnetIds: this.databaseSubnetIds,
          tags: named("db"),
        });
        this.dbSubnetGroupName = group.name;
      }
    }

    if (flowLogs.enabled) this.addFlowLogs(vpc, props.name, flowLogs, named);
  }

  private addFlowLogs(vpc: AwsVpc, name: string, props: Extract<FlowLogsProps, { enabled: true }>, named: (suffix: string) => Record<string, string>): void {
    const group = new CloudwatchLogGroup(this, "flow-log-group", {
      name: `/aws/vpc-flow-log/${name}`,
      retentionInDays: props.retentionDays,
      kmsKeyId: props.kmsKeyArn,
      tags: named("flow-logs"),
    });
    declareLogGroupKey(group, props.kmsKeyArn);
    const assume = new DataAwsIamPolicyDocument(this, "flow-log-assume", {
      statement: [
        {
          effect: "Allow",
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["vpc-flow-logs.amazonaws.com"] }],
        },
      ],
    });
    const role = new IamRole(this, "flow-log-role", {
      name: `${name}-vpc-flow-logs`,
      assumeRolePolicy: assume.json,
      tags: named("flow-logs"),
    });
    // Scoped to this one log group: the role can write flow logs and nothing else.
    const write = new DataAwsIamPolicyDocument(this, "flow-log-write", {
      statement: [
        {
          effect: "Allow",
          actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
          resources: [group.arn, `${group.arn}:*`],
        },
      ],
    });
    new IamRolePolicy(this, "flow-log-policy", { name: "write-flow-logs", role: role.id, policy: write.json });
    new FlowLog(this, "flow-log", {
      vpcId: vpc.id,
      trafficType: props.trafficType ?? "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: group.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: props.maxAggregationInterval ?? 600,
      tags: named("flow-log"),
    });
  }
}
