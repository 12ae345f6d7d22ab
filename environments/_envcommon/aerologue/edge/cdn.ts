import { cdnInputs } from "@infra/aerologue-inputs";
import { ORIGIN_VERIFY_SECRET, prefix } from "../names";
import { api } from "../compute/api";
import { storage } from "../data/storage";
import { dns } from "./dns";
import { kms } from "../security/kms";
import { secrets } from "../security/secrets";
import { aerologueModule } from "../workload";

const DAY = 86400;

/** ARC-008 CloudFront (PriceClass_100 for the MVP; prod overrides to PriceClass_All) + ARC-009 WAF. */
export const cdn = aerologueModule("edge/cdn", {
  schema: cdnInputs,
  dependencies: {
    kms,
    dns,
    storage,
    api,
    secrets,
  },
  defaults: (ctx) => ({
    prefix: prefix(ctx),
    domain: ctx.workload.domain,
    priceClass: "PriceClass_100" as const,
    ttls: { tilesSeconds: 30 * DAY, staticSeconds: 365 * DAY, defaultSeconds: 3600 },
    waf: {
      rateLimitPer5Min: 2000,
      // "Geo Block: None (global app)".
      geoBlockCountries: [],
      managedRuleGroups: ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesSQLiRuleSet"],
      botControl: "challenge" as const,
      // ARC-009 "Challenge suspicious bots" on the web app's pages, not on the API the native apps call.
      // "/ws" without the slash: the WebSocket URL is wss://ws.<domain>/ws (the API mapping key).
      botControlExcludePaths: ["/api/", "/ws"],
      logRetentionDays: ctx.workload.logRetentionDays,
    },
    wsMappingKey: "ws",
    // The regional origin names are public DNS: the APIs accept only requests carrying this header.
    originVerify: { kind: "secret-header" as const, headerName: "X-Origin-Verify", secretName: ORIGIN_VERIFY_SECRET },
  }),
});
