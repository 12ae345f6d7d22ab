import { describe } from "vitest";
import { OPS_CASES } from "./ops.cases";
import { runBadConfigCases } from "./suite";

describe("bad config: Lambda, schedules, log retention, alarms, ECS", () => runBadConfigCases(OPS_CASES));
