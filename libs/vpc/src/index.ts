export { natGatewayCount, privateRouteTableCount } from "./nat";
export { DEFAULT_SUBNET_OFFSETS, planSubnets, type PlannedSubnet, type SubnetOffsets, type SubnetTier } from "./subnet-plan";
export { Vpc, type FlowLogsProps, type VpcProps } from "./vpc";
export { type VpcFromInputsOptions, type VpcLayoutInputs, vpcFromInputs } from "./from-inputs";
export { VpcPeering, type PeeringSide, type VpcPeeringProps } from "./peering";
export { DataSecurityGroup, type AllowedSecurityGroup, type DataSecurityGroupProps } from "./data-security-group";
export { ingressFromSecurityGroup, type SecurityGroupIngressProps } from "./ingress";
export { type FunctionSecurityGroupProps, functionSecurityGroup } from "./function-group";
