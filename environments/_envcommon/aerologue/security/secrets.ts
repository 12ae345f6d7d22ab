import { secretsInputs } from "@infra/aerologue-inputs";
import { ORIGIN_VERIFY_SECRET } from "../names";
import { kms } from "./kms";
import { aerologueModule } from "../workload";

/** ARC-009 Secrets Manager: the six secrets (values put by operators), replicated to ARC-012 regions. */
export const secrets = aerologueModule("security/secrets", {
  schema: secretsInputs,
  dependencies: { kms },
  defaults: (ctx) => ({
    // The seed's six, and the CloudFront origin-verify value (docs/adr/0075).
    names: [
      "aerologue/db/aurora",
      "aerologue/api/adsb-exchange",
      "aerologue/api/aerodatabox",
      "aerologue/api/airlabs",
      "aerologue/oauth/apple",
      "aerologue/oauth/google",
      ORIGIN_VERIFY_SECRET,
    ],
    recoveryWindowDays: ctx.settings.deletionProtection ? 30 : 7,
    deletionProtection: ctx.settings.deletionProtection,
    globalRegions: [...ctx.workload.globalRegions],
  }),
});
