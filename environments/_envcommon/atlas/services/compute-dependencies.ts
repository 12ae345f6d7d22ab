import type { Dependency } from "@infra/config";
import { buckets } from "../data/buckets";
import { queues } from "../data/queues";
import { rds } from "../data/rds";
import { KMS } from "../features";
import { vpc } from "../network/vpc";
import { alerts } from "../ops/alerts";
import { secrets } from "../security/secrets";
import { ecr } from "./ecr";

/** What the application compute reads, whichever it is (the phase-1 Docker host, the phase-2+ ECS services). */
export const COMPUTE_DEPENDENCIES: Readonly<Record<string, Dependency>> = { kms: KMS, vpc, rds, queues, buckets, ecr, secrets, alerts };
