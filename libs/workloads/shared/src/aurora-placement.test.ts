import { describe, expect, it } from "vitest";
import { type AuroraPlacement, auroraPlacementProps } from "./aurora-placement";

const placement: AuroraPlacement = {
  windows: { backup: { start: "03:00", durationMinutes: 60 }, databaseMaintenance: { day: "sun", start: "04:30", durationMinutes: 60 } },
  vpc: { azs: ["us-east-1a", "us-east-1b"], dbSubnetGroupName: "shop-db", vpcId: "vpc-1" },
  keys: { data: { keyArn: "arn:data" }, logs: { keyArn: "arn:logs" } },
  clients: [{ securityGroupId: "sg-fn", description: "functions" }],
};

describe("auroraPlacementProps", () => {
  it("maps the inputs' retention, the env's windows, the VPC, the clients and the data and logs keys", () => {
    expect(auroraPlacementProps({ logRetentionDays: 30, backupRetentionDays: 7, deletionProtection: true }, placement)).toEqual({
      availabilityZones: ["us-east-1a", "us-east-1b"],
      dbSubnetGroupName: "shop-db",
      vpcId: "vpc-1",
      allowedSecurityGroups: [{ securityGroupId: "sg-fn", description: "functions" }],
      kmsKeyArn: "arn:data",
      logKmsKeyArn: "arn:logs",
      logRetentionDays: 30,
      backupRetentionDays: 7,
      preferredBackupWindow: placement.windows.backup,
      preferredMaintenanceWindow: placement.windows.databaseMaintenance,
      deletionProtection: true,
    });
  });

  it("refuses a VPC without a DB subnet group, naming the VPC", () => {
    const vpc = { azs: ["us-east-1a"], vpcId: "vpc-9" };
    expect(() => auroraPlacementProps({ logRetentionDays: 30, backupRetentionDays: 7, deletionProtection: true }, { ...placement, vpc })).toThrow(
      "VPC vpc-9 has none",
    );
  });
});
