import { platformModules } from "@envs/envcommon";
import { type BadConfigCase, FILES, dev, inputCase, prod, staging, withDeployment, withInputs, withRegion } from "./variants";

const devCidr = (cidr: string) => withRegion(dev(), "us-east-1", (r) => ({ cidrs: { ...r.cidrs, platform: cidr } }));
/** A malformed platform CIDR in dev's region.ts: the issue names the field and the CIDR. */
const devCidrCase = (name: string, cidr: string, allowed: string): BadConfigCase => ({
  name,
  variant: () => devCidr(cidr),
  expect: { level: FILES.dev.region, path: "cidrs.platform", value: JSON.stringify(cidr), allowed },
});
const euCidr = (cidr: string) => withRegion(prod(), "eu-west-1", (r) => ({ cidrs: { ...r.cidrs, platform: cidr } }));

/** CIDRs, subnets, peering, availability zones. */
export const NETWORK_CASES: readonly BadConfigCase[] = [
  // Malformed CIDRs (region.ts)
  devCidrCase("VPC CIDR with a prefix over 32", "10.10.0.0/33", "prefix length must be 0-32"),
  devCidrCase("VPC CIDR with host bits set", "10.10.1.0/16", "host bits are set: the network address is 10.10.0.0/16"),
  devCidrCase("VPC CIDR that is not a CIDR", "10.10.0/16", "must be an IPv4 CIDR block like 10.0.0.0/16"),
  devCidrCase("VPC CIDR with an octet over 255", "10.300.0.0/16", "octets must be 0-255"),
  devCidrCase("VPC CIDR larger than AWS allows (/8)", "10.0.0.0/8", "a VPC CIDR must be between /16 and /28"),
  // Overlapping peered VPCs (cross-deployment check of network/vpc-peering)
  {
    name: "peered VPCs with the same CIDR",
    variant: () => euCidr("10.40.0.0/16"),
    expect: {
      level: FILES.prod.platform,
      path: "us-east-1/network/vpc-peering.dependencies.peer",
      value: '["10.40.0.0/16","10.40.0.0/16"]',
      allowed: "peered VPC CIDRs must not overlap: us-east-1/network/vpc has 10.40.0.0/16 and eu-west-1/network/vpc has 10.40.0.0/16",
    },
  },
  {
    name: "peered VPCs where the DR block lies inside the primary's",
    variant: () => euCidr("10.40.128.0/17"),
    expect: {
      level: FILES.prod.platform,
      path: "us-east-1/network/vpc-peering.dependencies.peer",
      value: '["10.40.0.0/16","10.40.128.0/17"]',
      allowed: "must not overlap",
    },
  },
  {
    name: "a VPC peered with itself",
    variant: () => withDeployment(prod(), "us-east-1", "network/vpc-peering", () => ({ dependencies: { peer: platformModules.vpc } })),
    expect: {
      level: FILES.prod.platform,
      path: "us-east-1/network/vpc-peering.dependencies.peer",
      value: '"us-east-1/network/vpc"',
      allowed: "a VPC cannot peer with itself",
    },
  },
  // Subnets outside their VPC, offsets past the VPC, overlapping subnets
  inputCase(
    "platform subnet offset past the VPC",
    dev,
    "network/vpc",
    { subnetOffsets: { public: [1, 2, 256] } },
    FILES.dev.platform,
    "offset past the VPC: 10.10.0.0/16 split by 8 bits has subnets 0..255",
    { at: "subnetOffsets.public.2" },
  ),
  {
    name: "subnets smaller than /28 (a /24 VPC split by 8 bits)",
    variant: () => devCidr("10.10.0.0/24"),
    // The module derives cidr from region.ts cidrs in its defaults, so the issue names the module file.
    expect: {
      level: "environments/_envcommon/platform/network/vpc.ts",
      path: "us-east-1/network/vpc.inputs.cidr",
      value: '"10.10.0.0/24"',
      allowed: "a /24 VPC split by 8 bits gives /32 subnets; subnets may be no smaller than /28",
    },
  },
  inputCase(
    "two platform subnets on the same offset",
    dev,
    "network/vpc",
    { subnetOffsets: { public: [1, 2, 3], private: [1, 12, 13], database: [21, 22, 23] } },
    FILES.dev.platform,
    "offset 1 is already used by another subnet",
    { at: "subnetOffsets.private.0" },
  ),
  inputCase(
    "more platform subnets than availability zones",
    dev,
    "network/vpc",
    { subnetOffsets: { public: [1, 2, 3, 4] } },
    FILES.dev.platform,
    "4 public subnets need 4 availability zones; only 3 given",
  ),
  inputCase(
    "aerologue subnet offset past the VPC",
    dev,
    "aerologue-network/vpc",
    { subnetOffsets: { public: [1, 2], private: [10, 11], database: [20, 300] } },
    FILES.dev.aerologue,
    "offset past the VPC: 10.0.0.0/16 split by 8 bits",
    { at: "subnetOffsets.database.1" },
  ),
  inputCase(
    "aerologue subnets overlapping each other",
    dev,
    "aerologue-network/vpc",
    { subnetOffsets: { public: [1, 2], private: [2, 11], database: [20, 21] } },
    FILES.dev.aerologue,
    "offset 2 is already used by another subnet",
    { at: "subnetOffsets.private.0" },
  ),
  inputCase(
    "NAT per AZ without public subnets",
    dev,
    "network/vpc",
    { nat: { mode: "perAz" }, subnetOffsets: { public: [] } },
    FILES.dev.platform,
    'NAT mode "perAz" needs public subnets',
    { at: "nat.mode" },
  ),
  // The same layout checks for every workload VPC (subnetLayoutIssues in @infra/workload-shared-inputs)
  inputCase(
    "timeline NAT per AZ with fewer public subnets than private ones",
    dev,
    "timeline-network/vpc",
    { nat: { mode: "perAz" }, subnetOffsets: { public: [1, 2] } },
    FILES.dev.timeline,
    'NAT mode "perAz" needs a public subnet in every AZ that has a private subnet (3); got 2',
    { at: "nat.mode" },
  ),
  inputCase(
    "timeline subnets overlapping each other",
    dev,
    "timeline-network/vpc",
    { subnetOffsets: { database: [21, 22, 13] } },
    FILES.dev.timeline,
    "offset 13 is already used by another subnet: two subnets would overlap",
    { at: "subnetOffsets.database.2" },
  ),
  inputCase(
    "more aerologue subnets than availability zones",
    dev,
    "aerologue-network/vpc",
    { subnetOffsets: { public: [1, 2, 3] } },
    FILES.dev.aerologue,
    "3 public subnets need 3 availability zones; only 2 given",
  ),
  inputCase(
    "Mile Quest subnets overlapping each other",
    staging,
    "milequest-network/vpc",
    { subnetOffsets: { database: [21, 22, 11] } },
    FILES.staging.milequest,
    "offset 11 is already used by another subnet: two subnets would overlap",
    { at: "subnetOffsets.database.2" },
  ),
  // Availability zones
  {
    name: "an AZ of another region",
    variant: () => withRegion(dev(), "us-east-1", { azs: ["us-east-1a", "us-east-1b", "eu-west-1a"] }),
    expect: { level: FILES.dev.region, path: "azs[2]", value: '"eu-west-1a"', allowed: "must be an availability zone of us-east-1" },
  },
  {
    name: "an AZ that does not exist (typo)",
    variant: () => withRegion(dev(), "us-east-1", { azs: ["us-east-1a", "us-east-1b", "us-east-1z"] }),
    expect: {
      level: FILES.dev.region,
      path: "azs[2]",
      value: '"us-east-1z"',
      allowed: "us-east-1a | us-east-1b | us-east-1c | us-east-1d | us-east-1e | us-east-1f",
    },
  },
  {
    name: "more AZs than the region has",
    variant: () => withRegion(prod(), "eu-west-1", { azs: ["eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1d"] }),
    expect: {
      level: FILES.prod.in("eu-west-1", "region.ts"),
      path: "azs",
      value: '["eu-west-1a","eu-west-1b","eu-west-1c","eu-west-1d"]',
      allowed: "eu-west-1 has 3 availability zones; got 4",
    },
  },
  {
    name: "the same AZ twice",
    variant: () => withRegion(dev(), "us-east-1", { azs: ["us-east-1a", "us-east-1a", "us-east-1b"] }),
    expect: { level: FILES.dev.region, path: "azs", value: '["us-east-1a","us-east-1a","us-east-1b"]', allowed: "availability zones must be distinct" },
  },
  {
    name: "a region without AZs",
    variant: () => withRegion(dev(), "us-east-1", { azs: [] }),
    expect: { level: FILES.dev.region, path: "azs", value: "[]", allowed: "must list at least one availability zone" },
  },
  {
    name: "a VPC deployment overriding azs with another region's zone",
    variant: () => withInputs(dev(), "us-east-1", "network/vpc", { azs: ["us-east-1a", "us-west-2a", "us-east-1c"] }),
    expect: {
      level: FILES.dev.platform,
      path: "us-east-1/network/vpc.inputs.azs[1]",
      value: '"us-west-2a"',
      allowed: "must be an availability zone of us-east-1",
    },
  },
  {
    name: "a VPC deployment using a zone the region does not list",
    variant: () => withInputs(dev(), "us-east-1", "network/vpc", { azs: ["us-east-1a", "us-east-1b", "us-east-1d"] }),
    expect: {
      level: FILES.dev.platform,
      path: "us-east-1/network/vpc.inputs.azs[2]",
      value: '"us-east-1d"',
      allowed: "must be one of the region's azs (region.ts): us-east-1a | us-east-1b | us-east-1c",
    },
  },
  inputCase(
    "aerologue VPC over three AZs (ARC-003: two)",
    dev,
    "aerologue-network/vpc",
    { azs: ["us-east-1a", "us-east-1b", "us-east-1c"] },
    FILES.dev.aerologue,
    "exactly two availability zones",
  ),
];
