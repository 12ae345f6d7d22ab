import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { Vpc, type VpcProps } from "./vpc";

type Json = { resource: Record<string, Record<string, Record<string, unknown>>> };

function synth(props: Partial<VpcProps> = {}): Json {
  const app = Testing.app();
  const stack = new TerraformStack(app, "test");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  new Vpc(stack, "vpc", {
    name: "dev-platform",
    cidr: "10.10.0.0/16",
    azs: ["us-east-1a", "us-east-1b", "us-east-1c"],
    ...props,
  });
  return JSON.parse(Testing.synth(stack)) as Json;
}

const all = (json: Json, type: string) => Object.entries(json.resource[type] ?? {});
const ref = (json: Json, type: string, match: (v: Record<string, unknown>) => boolean, attr = "id") => {
  const found = all(json, type).find(([, v]) => match(v));
  if (!found) throw new Error(`no ${type} matching`);
  return `\${${type}.${found[0]}.${attr}}`;
};

describe("Vpc", () => {
  it("makes the VPC with DNS support and hostnames, and locks the default security group", () => {
    const json = synth();
    expect(Object.values(json.resource["aws_vpc"]!)).toEqual([
      expect.objectContaining({ cidr_block: "10.10.0.0/16", enable_dns_hostnames: true, enable_dns_support: true }),
    ]);
    expect(Object.values(json.resource["aws_default_security_group"]!)).toEqual([expect.objectContaining({ ingress: [], egress: [] })]);
  });

  it("makes nine /24 subnets, none of which hands out public IPs", () => {
    const subnets = all(synth(), "aws_subnet").map(([, s]) => s);
    expect(subnets.map((s) => s["cidr_block"]).sort()).toEqual(
      [
        "10.10.1.0/24",
        "10.10.2.0/24",
        "10.10.3.0/24",
        "10.10.11.0/24",
        "10.10.12.0/24",
        "10.10.13.0/24",
        "10.10.21.0/24",
        "10.10.22.0/24",
        "10.10.23.0/24",
      ].sort(),
    );
    expect(subnets.every((s) => s["map_public_ip_on_launch"] === false)).toBe(true);
  });

  it("NAT none: no NAT gateway, no EIP, and no default route from private subnets", () => {
    const json = synth({ nat: { mode: "none" } });
    expect(json.resource["aws_nat_gateway"]).toBeUndefined();
    expect(json.resource["aws_eip"]).toBeUndefined();
    const routes = all(json, "aws_route").map(([, r]) => r);
    expect(routes).toHaveLength(1);
    expect(routes[0]).toMatchObject({ destination_cidr_block: "0.0.0.0/0", gateway_id: expect.stringContaining("aws_internet_gateway") });
  });

  it("NAT single: one NAT in the first public subnet, one private table for all private subnets", () => {
    const json = synth({ nat: { mode: "single" } });
    expect(all(json, "aws_nat_gateway")).toHaveLength(1);
    const [, nat] = all(json, "aws_nat_gateway")[0]!;
    expect(nat["subnet_id"]).toBe(ref(json, "aws_subnet", (s) => s["cidr_block"] === "10.10.1.0/24"));
    const privateTables = all(json, "aws_route_table").filter(([, t]) => String((t["tags"] as Record<string, string>)["Name"]).includes("private"));
    expect(privateTables).toHaveLength(1);
  });

  it("NAT per AZ: each private subnet routes through the NAT in its own AZ", () => {
    const json = synth({ nat: { mode: "perAz" } });
    expect(all(json, "aws_nat_gateway")).toHaveLength(3);
    for (const [index, az] of ["us-east-1a", "us-east-1b", "us-east-1c"].entries()) {
      const privateSubnet = ref(json, "aws_subnet", (s) => s["cidr_block"] === `10.10.${11 + index}.0/24`);
      const publicSubnet = ref(json, "aws_subnet", (s) => s["cidr_block"] === `10.10.${1 + index}.0/24`);
      const table = all(json, "aws_route_table_association").find(([, a]) => a["subnet_id"] === privateSubnet)![1]["route_table_id"];
      const route = all(json, "aws_route").find(([, r]) => `\${aws_route_table.${String(r["route_table_id"]).split(".")[1]}.id}` === table)![1];
      const nat = all(json, "aws_nat_gateway").find(([name]) => route["nat_gateway_id"] === `\${aws_nat_gateway.${name}.id}`)![1];
      expect(nat["subnet_id"], az).toBe(publicSubnet);
    }
  });

  it("database subnets are isolated: their route table has no route at all", () => {
    const json = synth({ nat: { mode: "perAz" } });
    const dbTable = ref(json, "aws_route_table", (t) => (t["tags"] as Record<string, string>)["Name"] === "dev-platform-database");
    const tableName = dbTable.split(".")[1];
    expect(all(json, "aws_route").filter(([, r]) => String(r["route_table_id"]).includes(`aws_route_table.${tableName}.`))).toEqual([]);
    const dbSubnets = all(json, "aws_subnet")
      .filter(([, s]) => (s["tags"] as Record<string, string>)["Tier"] === "database")
      .map(([n]) => `\${aws_subnet.${n}.id}`);
    const associations = all(json, "aws_route_table_association").filter(([, a]) => dbSubnets.includes(String(a["subnet_id"])));
    expect(associations.map(([, a]) => a["route_table_id"])).toEqual([dbTable, dbTable, dbTable]);
    expect(Object.values(json.resource["aws_db_subnet_group"]!)[0]).toMatchObject({ name: "dev-platform-db", subnet_ids: dbSubnets });
  });

  it("flow logs: ALL traffic to a log group with explicit retention, via a role scoped to that group", () => {
    const json = synth({ flowLogs: { enabled: true, retentionDays: 30 } });
    const group = all(json, "aws_cloudwatch_log_group")[0]!;
    expect(group[1]).toMatchObject({ name: "/aws/vpc-flow-log/dev-platform", retention_in_days: 30 });
    const groupArn = `\${aws_cloudwatch_log_group.${group[0]}.arn}`;
    expect(Object.values(json.resource["aws_flow_log"]!)[0]).toMatchObject({
      traffic_type: "ALL",
      log_destination_type: "cloud-watch-logs",
      log_destination: groupArn,
      iam_role_arn: expect.stringContaining("aws_iam_role."),
    });
    const data = (json as unknown as { data: Record<string, Record<string, { statement: { resources?: string[] }[] }>> }).data;
    const write = Object.entries(data["aws_iam_policy_document"]!).find(([n]) => n.includes("flow-log-write"))![1];
    expect(write.statement[0]!.resources).toEqual([groupArn, `${groupArn}:*`]);
  });

  it("no flow log resources when disabled", () => {
    const json = synth({ flowLogs: { enabled: false } });
    expect(json.resource["aws_flow_log"]).toBeUndefined();
    expect(json.resource["aws_iam_role"]).toBeUndefined();
  });
});
