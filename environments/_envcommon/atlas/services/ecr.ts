import { defineModule } from "@infra/config";
import { SERVICES, atlasEcrInputs } from "@infra/atlas-inputs";
import { type AtlasContext, inPrimary, KMS } from "../features";

/** ECR: the eight `acct-atlas-*` images of docker-compose.prod.yml (scan on push, lifecycle policy). */
export const ecr = defineModule({
  workload: "atlas",
  category: "atlas-services",
  module: "ecr",
  builder: "atlas/ecr",
  schema: atlasEcrInputs,
  enabled: inPrimary,
  dependencies: { kms: KMS },
  defaults: (ctx: AtlasContext) => ({
    repositories: SERVICES.map((s) => s.repository),
    keepLastTagged: 30,
    expireUntaggedDays: 7,
    deletionProtection: ctx.settings.deletionProtection,
  }),
});
