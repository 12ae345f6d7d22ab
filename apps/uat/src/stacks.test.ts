import { env } from "@envs/uat";
import { describeEnvStacks } from "@infra/testing";
import { resolve } from "node:path";

describeEnvStacks(env, resolve(__dirname, "..", "addresses.snapshot.json"));
