import { describe, expect, it } from "vitest";
import { deploymentWaiver } from "./deployment-waiver";

describe("deploymentWaiver", () => {
  const rds = { category: "data", module: "rds" };

  it("names the deployment of the module in the region by id, and keeps the rule, address and reason", () => {
    expect(deploymentWaiver(rds, "eu-west-1", { rule: "INF-RDS-005", address: "aws_db_instance.*", reason: "Single-AZ outside prod." })).toEqual({
      rule: "INF-RDS-005",
      deployments: ["eu-west-1/data/rds"],
      address: "aws_db_instance.*",
      reason: "Single-AZ outside prod.",
    });
  });

  it("carries an expiry only when one is given", () => {
    const waiver = deploymentWaiver(rds, "us-east-1", {
      rule: "INF-RDS-004",
      address: "aws_db_instance.*",
      reason: "Until the migration ends.",
      expires: "2027-03-31",
    });
    expect(waiver.expires).toBe("2027-03-31");
    expect("expires" in deploymentWaiver(rds, "us-east-1", { rule: "INF-RDS-004", address: "aws_db_instance.*", reason: "No end date here." })).toBe(false);
  });
});
