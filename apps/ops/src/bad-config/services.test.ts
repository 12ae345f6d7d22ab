import { describe } from "vitest";
import { SERVICES_CASES } from "./services.cases";
import { runBadConfigCases } from "./suite";

describe("bad config: atlas service telemetry (collector required by X-Ray, pinned image)", () => runBadConfigCases(SERVICES_CASES));
