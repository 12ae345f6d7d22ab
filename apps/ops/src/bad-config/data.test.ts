import { describe } from "vitest";
import { DATA_CASES } from "./data.cases";
import { runBadConfigCases } from "./suite";

describe("bad config: RDS, Aurora, DynamoDB, ElastiCache", () => runBadConfigCases(DATA_CASES));
