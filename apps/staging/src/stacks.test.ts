import { env } from "@envs/staging";
import { describeEnvStacks } from "@infra/testing";
import { resolve } from "node:path";

describeEnvStacks(env, resolve(__dirname, "..", "addresses.snapshot.json"));
