import { describe } from "vitest";
import { ACCOUNT_CASES } from "./account.cases";
import { runBadConfigCases } from "./suite";

describe("bad config: account audit trail and human roles", () => runBadConfigCases(ACCOUNT_CASES));
