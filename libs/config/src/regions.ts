/**
 * The regions this repo may deploy to and their availability zones (the zone names AWS
 * exposes to every account). Kept as data so that AZ typos fail at resolve time, not at apply.
 */
export const REGION_AZS = {
  "us-east-1": ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"],
  "us-east-2": ["us-east-2a", "us-east-2b", "us-east-2c"],
  "us-west-2": ["us-west-2a", "us-west-2b", "us-west-2c", "us-west-2d"],
  "eu-west-1": ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
  "eu-central-1": ["eu-central-1a", "eu-central-1b", "eu-central-1c"],
  "ap-southeast-1": ["ap-southeast-1a", "ap-southeast-1b", "ap-southeast-1c"],
} as const satisfies Record<string, readonly string[]>;

export type RegionName = keyof typeof REGION_AZS;
export const REGION_NAMES = Object.keys(REGION_AZS) as RegionName[];

export function isRegionName(value: string): value is RegionName {
  return Object.hasOwn(REGION_AZS, value);
}
