import { describe, expect, it } from "vitest";
import { type DatabaseInputs, type DatabasePlacement, databasePropsFromInputs } from "./from-inputs";

const inputs: DatabaseInputs = {
  name: "dev-us-east-1-shop",
  engineVersion: "16",
  instanceClass: "db.t4g.micro",
  allocatedStorageGb: 20,
  multiAz: false,
  backupRetentionDays: 7,
  deletionProtection: true,
  forceSsl: true,
  logRetentionDays: 30,
  masterCredentials: { mode: "rds-managed" },
};
const placement: DatabasePlacement = {
  windows: { backup: { start: "03:00", durationMinutes: 60 }, databaseMaintenance: { day: "sun", start: "04:30", durationMinutes: 60 } },
  vpc: { vpcId: "vpc-1", dbSubnetGroupName: "shop-db", privateSubnetIds: ["subnet-a", "subnet-b"] },
  keys: { data: { keyArn: "arn:data" }, logs: { keyArn: "arn:logs" } },
};

describe("databasePropsFromInputs", () => {
  it("maps the inputs, the env's windows, the VPC and the workload's data and logs keys", () => {
    expect(databasePropsFromInputs(inputs, placement)).toEqual({
      name: "dev-us-east-1-shop",
      backupWindow: placement.windows.backup,
      maintenanceWindow: placement.windows.databaseMaintenance,
      engineVersion: "16",
      instanceClass: "db.t4g.micro",
      allocatedStorage: 20,
      multiAz: false,
      backupRetentionDays: 7,
      deletionProtection: true,
      kmsKeyArn: "arn:data",
      masterUserSecretKmsKeyId: "arn:data",
      forceSsl: true,
      vpcId: "vpc-1",
      subnetGroupName: "shop-db",
      logRetentionDays: 30,
      logKmsKeyArn: "arn:logs",
      masterCredentials: { mode: "rds-managed" },
    });
  });

  it("gives a rotated secret its name and the private subnets its rotation function runs in", () => {
    const props = databasePropsFromInputs({ ...inputs, masterCredentials: { mode: "rotated-secret", rotationDays: 30 } }, placement);
    expect(props.masterCredentials).toEqual({
      mode: "rotated-secret",
      secretName: "dev-us-east-1-shop/master-credentials",
      rotationDays: 30,
      rotationSubnetIds: ["subnet-a", "subnet-b"],
    });
  });

  it("replicates a rotated secret to each replicaRegions region with that region's data key, or names the missing key", () => {
    const replicated = { ...inputs, masterCredentials: { mode: "rotated-secret" as const, rotationDays: 30, replicaRegions: ["eu-west-1"] } };
    const props = databasePropsFromInputs(replicated, { ...placement, secretReplicaKeys: { "eu-west-1": { keyArn: "arn:dr-data" } } });
    expect(props.masterCredentials).toMatchObject({ mode: "rotated-secret", replicas: [{ region: "eu-west-1", kmsKeyArn: "arn:dr-data" }] });
    expect(() => databasePropsFromInputs(replicated, placement)).toThrow(
      "database dev-us-east-1-shop: masterCredentials.replicaRegions names eu-west-1, but no data key of eu-west-1 was given (the workload's security/kms there)",
    );
  });

  it("makes a replica of `replicaOf`: no master credentials of its own", () => {
    const props = databasePropsFromInputs(inputs, { ...placement, replicaOf: { instanceArn: "arn:aws:rds:us-east-1:111111111111:db:primary" } });
    expect(props.replicateSourceDb).toBe("arn:aws:rds:us-east-1:111111111111:db:primary");
    expect(props).not.toHaveProperty("masterCredentials");
  });

  it("refuses a VPC without a DB subnet group, naming the database", () => {
    expect(() => databasePropsFromInputs(inputs, { ...placement, vpc: { vpcId: "vpc-1", privateSubnetIds: [] } })).toThrow(
      /database dev-us-east-1-shop: its VPC has no DB subnet group/,
    );
  });
});
