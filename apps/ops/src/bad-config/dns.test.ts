import { describe } from "vitest";
import { DNS_CASES } from "./dns.cases";
import { runBadConfigCases } from "./suite";

describe("bad config: DNS (reserved domains, zone delegation)", () => runBadConfigCases(DNS_CASES));
