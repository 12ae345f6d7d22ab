import { describe } from "vitest";
import { ATLAS_CASES } from "./atlas.cases";
import { runBadConfigCases } from "./suite";

describe("bad config: AccountabilityAtlas deploy role and SMS alarms", () => runBadConfigCases(ATLAS_CASES));
