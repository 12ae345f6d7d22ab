import type { NatMode } from "@infra/config";
import type { Construct } from "constructs";
import type { SubnetOffsets } from "./subnet-plan";
import { Vpc } from "./vpc";

/**
 * The fields every workload's network/vpc inputs share: the VPC's layout and its flow-log switch. Each
 * workload keeps its own zod schema (its own limits and messages); its parsed inputs fit this shape.
 */
export interface VpcLayoutInputs {
  /** Name prefix of the VPC's resources. */
  readonly name: string;
  /** The VPC's IPv4 CIDR (region.ts `cidrs.<workload>`). */
  readonly cidr: string;
  /** Availability zones the subnets spread over. */
  readonly azs: readonly string[];
  /** Bits added to the VPC prefix for each subnet. @default 8 */
  readonly subnetNewBits?: number;
  /** Subnet numbers per tier (one per AZ). */
  readonly subnetOffsets: SubnetOffsets;
  /** NAT gateways of the private subnets. */
  readonly nat: NatMode;
  /** VPC flow logs to CloudWatch Logs. */
  readonly flowLogs: { readonly enabled: boolean; readonly retentionDays: number };
}

export interface VpcFromInputsOptions {
  /** The workload's logs key: it encrypts the flow-log group when flow logs are on. */
  readonly flowLogsKeyArn: string;
  /** Extra tags on every resource of the VPC. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A workload's VPC (construct id "vpc", so its addresses are the same in every workload) from its
 * inputs. The workload adds what is its own (security groups, ACLs, endpoints) around it.
 */
export function vpcFromInputs(scope: Construct, inputs: VpcLayoutInputs, options: VpcFromInputsOptions): Vpc {
  return new Vpc(scope, "vpc", {
    name: inputs.name,
    cidr: inputs.cidr,
    azs: inputs.azs,
    subnetNewBits: inputs.subnetNewBits,
    subnetOffsets: inputs.subnetOffsets,
    nat: inputs.nat,
    flowLogs: inputs.flowLogs.enabled ? { enabled: true, retentionDays: inputs.flowLogs.retentionDays, kmsKeyArn: options.flowLogsKeyArn } : { enabled: false },
    tags: options.tags,
  });
}
