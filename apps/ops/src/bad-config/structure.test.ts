import { describe } from "vitest";
import { STRUCTURE_CASES } from "./structure.cases";
import { runBadConfigCases } from "./suite";

describe("bad config: envs, regions, workloads, deployments, dependencies, accounts", () => runBadConfigCases(STRUCTURE_CASES));
