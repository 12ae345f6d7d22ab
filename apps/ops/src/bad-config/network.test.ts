import { describe } from "vitest";
import { NETWORK_CASES } from "./network.cases";
import { runBadConfigCases } from "./suite";

describe("bad config: network (CIDRs, subnets, peering, AZs)", () => runBadConfigCases(NETWORK_CASES));
