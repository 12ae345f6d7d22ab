import { describe, expect, it } from "vitest";
import { type Synth, all, only, synthStack } from "@infra/testing-core/stack";
import { type VpcLayoutInputs, vpcFromInputs } from "./from-inputs";
import { Vpc } from "./vpc";

const inputs: VpcLayoutInputs = {
  name: "dev-us-east-1-shop",
  cidr: "10.70.0.0/16",
  azs: ["us-east-1a", "us-east-1b"],
  subnetOffsets: { public: [1, 2], private: [11, 12], database: [21, 22] },
  nat: { mode: "single" },
  flowLogs: { enabled: true, retentionDays: 90 },
};
const KEY = "arn:aws:kms:us-east-1:111111111111:key/logs";

const synthOf = (layout: VpcLayoutInputs, tags?: Record<string, string>): Synth =>
  synthStack((s) => void vpcFromInputs(s, layout, { flowLogsKeyArn: KEY, tags }));

describe("vpcFromInputs", () => {
  it("is the same VPC as the construct given the same layout: the inputs map one to one", () => {
    const direct = synthStack((s) => {
      new Vpc(s, "vpc", { ...inputs, flowLogs: { enabled: true, retentionDays: 90, kmsKeyArn: KEY } });
    });
    expect(synthOf(inputs)).toEqual(direct);
  });

  it("encrypts the flow-log group with the workload's logs key, and makes none when flow logs are off", () => {
    expect(only(synthOf(inputs), "aws_cloudwatch_log_group").values).toMatchObject({ retention_in_days: 90, kms_key_id: KEY });
    const off = synthOf({ ...inputs, flowLogs: { enabled: false, retentionDays: 90 } });
    expect(all(off, "aws_flow_log")).toEqual({});
    expect(all(off, "aws_cloudwatch_log_group")).toEqual({});
  });

  it("splits the CIDR by subnetNewBits (default 8) and tags every resource", () => {
    const cidrs = (s: Synth) =>
      Object.values(all(s, "aws_subnet") as Record<string, { cidr_block: string }>)
        .map((x) => x.cidr_block)
        .sort();
    expect(cidrs(synthOf(inputs))).toContain("10.70.11.0/24");
    expect(cidrs(synthOf({ ...inputs, subnetNewBits: 4, subnetOffsets: { public: [1, 2], private: [3, 4], database: [5, 6] } }))).toContain("10.70.48.0/20");
    expect(only(synthOf(inputs, { Component: "network" }), "aws_vpc").values.tags).toMatchObject({ Component: "network" });
  });
});
