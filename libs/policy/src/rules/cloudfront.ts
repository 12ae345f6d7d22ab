/** Reading aws_cloudfront_distribution: its cache behaviours and origins. */
import type { JsonObject, SynthResource } from "../types";
import { blocks } from "./helpers";

export interface Behaviour {
  attribute: string;
  values: JsonObject;
}

export function behaviours(distribution: SynthResource): Behaviour[] {
  return [
    ...blocks(distribution.values, "default_cache_behavior").map((values) => ({ attribute: "default_cache_behavior", values })),
    ...blocks(distribution.values, "ordered_cache_behavior").map((values, i) => ({ attribute: `ordered_cache_behavior[${i}]`, values })),
  ];
}

/** AWS managed response headers policies that set Strict-Transport-Security. */
export const MANAGED_HSTS_POLICIES = new Set([
  "67f7725c-6f97-4210-82d7-5512b31e9d03", // SecurityHeadersPolicy
  "e61eb60c-9c35-4d20-a928-2b84e02af89c", // CORS-and-SecurityHeadersPolicy
  "eaab4381-ed33-4a86-88ca-d9558dc6cd63", // CORS-with-preflight-and-SecurityHeadersPolicy
]);
